/** A file-name-safe, lower-case, ASCII slug: "Unauthorized actor (UAMI)" -> "unauthorized-actor-uami". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > maxLength ? slug.slice(0, maxLength).replace(/-+[^-]*$/, '') : slug;
  return cut || 'unnamed';
}
