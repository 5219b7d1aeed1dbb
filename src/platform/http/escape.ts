/**
 * Escaping text for HTML a module writes itself (embeddable components for
 * committee papers, and the like), where Nunjucks' autoescape does not reach.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe inside HTML elements and quoted attributes; null and undefined become empty. */
export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
