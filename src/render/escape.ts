const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML or SVG elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]);
}

/**
 * Text made literal in Markdown: punctuation that could start markup is backslash-escaped, `<` and `&`
 * become entities (so no HTML gets through a renderer), and line breaks fold to spaces to keep tables
 * whole. A list's or heading's marks (`-`, `+`, `#`, `1.`) are markup only where the text begins, so
 * only there are they escaped: "staff-room" and "v1.2" read as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/[\\`*_{}[\]()!|~>]/g, '\\$&')
    .replace(/^(\s*)([-+#])/, '$1\\$2')
    .replace(/^(\s*\d+)\./, '$1\\.');
}
