// Redoc's "API docs by Redocly" attribution loads its logo from a CDN, the one thing in the
// inlined page that would reach the network. Swap it for an inline SVG wordmark so the page
// never calls out (the template's Content-Security-Policy would block the request anyway).
const CDN_LOGOS = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
];

const WORDMARK = `data:image/svg+xml,${encodeURIComponent(
  "<svg xmlns='http://www.w3.org/2000/svg' width='52' height='14' viewBox='0 0 52 14'>" +
    "<text x='0' y='11' font-family='sans-serif' font-size='11' font-weight='600' fill='#333'>Redocly</text></svg>",
)}`;

export function inlineRedocLogo(html) {
  return CDN_LOGOS.reduce((page, url) => page.replaceAll(url, WORDMARK), html);
}
