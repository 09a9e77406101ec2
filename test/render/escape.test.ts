import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown } from '../../src/render/escape.js';

describe('escaping', () => {
  it('escapes HTML special characters', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('makes Markdown markup literal and keeps table rows on one line', () => {
    expect(escapeMarkdown('**bold** | [link](http://x) <img src=x>\nnext')).toBe('\\*\\*bold\\*\\* \\| \\[link\\]\\(http://x\\) &lt;img src=x\\> next');
  });

  it('escapes list and heading marks only where the text begins, so names read as written', () => {
    expect(escapeMarkdown('staff-room v1.2 #3')).toBe('staff-room v1.2 #3');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not an item')).toBe('1\\. not an item');
  });
});
