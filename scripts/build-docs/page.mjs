// The site's own pages (home, guide, CLI reference): one self-contained HTML file each, with the
// same navigation bar and a Content-Security-Policy that stops any request leaving the page.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** `## Errors and retries` → `id="errors-and-retries"`, so other pages can link to a section. */
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/\s+/g, '-');
markdown.core.ruler.push('heading_ids', (state) => {
  state.tokens.forEach((token, index) => {
    if (token.type === 'heading_open') token.attrSet('id', slug(state.tokens[index + 1]?.content ?? ''));
  });
});

export const NAVIGATION = [
  ['index.html', 'Home'],
  ['guide.html', 'Guide'],
  ['api.html', 'HTTP API reference'],
  ['client/index.html', 'TypeScript client reference'],
  ['cli.html', 'CLI reference'],
  ['sandbox.html', 'Sandbox reference'],
];

const STYLE = `
  body { margin: 0; font: 16px/1.55 system-ui, sans-serif; color: #1f2328; }
  nav.site { display: flex; flex-wrap: wrap; gap: 1.25rem; padding: .75rem 1.5rem; background: #1f2d3d; }
  nav.site a { color: #fff; text-decoration: none; }
  nav.site a[aria-current] { font-weight: 700; text-decoration: underline; }
  main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
  pre { background: #f6f8fa; padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; }
  code { font: 14px/1.45 ui-monospace, monospace; }
  table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: .3rem .6rem; }
`;

/** Markdown (the guide) to HTML; links keep their targets. */
export function renderMarkdown(text) {
  return markdown.render(text);
}

/** A site page at the site's root. */
export function page({ title, file, body }) {
  const links = NAVIGATION.map(
    ([href, label]) => `<a href="${href}"${href === file ? ' aria-current="page"' : ''}>${label}</a>`,
  ).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · khoros-care-analytics</title>
<style>${STYLE}</style>
</head>
<body>
<nav class="site">${links}</nav>
<main>
${body}
</main>
</body>
</html>
`;
}
