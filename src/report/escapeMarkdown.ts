import { escapeHtml } from './escapeHtml.js';

/**
 * Escapes text for a Markdown table cell that a renderer may show as HTML (a CI job summary): HTML
 * special characters become entities, so a claim's title can never inject markup, and `|` and line
 * breaks can never break the table.
 *
 * @example
 * ```ts
 * escapeMarkdown('<img src=x onerror=alert(1)> | a'); // '&lt;img src=x onerror=alert(1)&gt; \\| a'
 * ```
 */
export function escapeMarkdown(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
