/**
 * Escapes text for HTML, SVG and XML, in element content and in double-quoted attributes alike.
 *
 * @example
 * ```ts
 * escapeHtml('a < b & "c"'); // 'a &lt; b &amp; &quot;c&quot;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
