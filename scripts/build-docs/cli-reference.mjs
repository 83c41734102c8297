// The CLI reference page, made of the CLI's own help: `care-analytics --help` and the help of
// every command it lists, so the page can never disagree with the binary.
const escapeHtml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Command names from the "Commands:" section of the top-level help. */
function commandsOf(help) {
  const section = help.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? '';
  return [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

/**
 * `{ body, commands }`: HTML for the page body (`overview`, the hand-written part, first), and the
 * commands it documents.
 */
export function cliReference(cli, overview) {
  const top = cli.help();
  const commands = commandsOf(top);
  if (commands.length === 0) throw new Error('care-analytics --help lists no commands');
  const section = (id, title, text) =>
    `<section id="${id}"><h2>${escapeHtml(title)}</h2><pre><code>${escapeHtml(text.trimEnd())}</code></pre></section>`;
  const toc = commands.map((name) => `<li><a href="#${name}"><code>care-analytics ${name}</code></a></li>`);
  const body = [
    overview,
    '<h2 id="help">Every command\'s help</h2>',
    '<p>Each section below is the output of <code>care-analytics &lt;command&gt; --help</code> of this version.',
    'The <a href="guide.html">guide</a> shows the commands at work.</p>',
    `<ul class="toc">${toc.join('')}</ul>`,
    section('care-analytics', 'care-analytics', top),
    ...commands.map((name) => section(name, `care-analytics ${name}`, cli.help(name))),
  ].join('\n');
  return { body, commands };
}
