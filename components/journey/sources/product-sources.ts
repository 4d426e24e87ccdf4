/**
 * The markup a page describes its products with, as text: schema.org JSON-LD and the
 * `data-cx-*` attributes of `data-cx-product` elements. Reading it is cheap and eager; making
 * sense of it (`products.ts`) loads later, maybe only on the tab's next page.
 */
export interface ProductSources {
  ld: string[];
  tagged: Record<string, string>[];
}

/** Bounds on what a page's products may weigh in sessionStorage. */
const maxScripts = 5;
const maxScriptLength = 20_000;
const maxTagged = 20;

export function productSourcesOnPage(): ProductSources {
  const ld = [...document.querySelectorAll('script[type="application/ld+json"]')]
    .map((script) => script.textContent ?? '')
    .filter((text) => text.length <= maxScriptLength)
    .slice(0, maxScripts);
  const tagged = [...document.querySelectorAll<HTMLElement>('[data-cx-product]')]
    .slice(0, maxTagged)
    .map((element) =>
      Object.fromEntries(Object.entries(element.dataset).filter(([key]) => key.startsWith('cx'))),
    ) as Record<string, string>[];
  return { ld, tagged };
}
