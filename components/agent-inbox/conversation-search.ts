import { html, nothing } from 'lit';
import type { ConversationSummary } from '../../protocol/index.js';
import { formatTime } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { ratingText } from './conversation-facts.js';

export interface SearchOptions {
  l10n: LocalizeController;
  /** Null before the first search. */
  results: readonly ConversationSummary[] | null;
  selected: string;
  onSearch(query: string): void;
  onClear(): void;
  onOpen(conversationId: string): void;
}

/** Search past conversations by what was written; a result opens the conversation read-only. */
export function renderSearch({
  l10n,
  results,
  selected,
  onSearch,
  onClear,
  onOpen,
}: SearchOptions) {
  const t = l10n.t.bind(l10n);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('query') as HTMLInputElement;
    if (input.value.trim()) onSearch(input.value.trim());
  };
  return html`<form class="search" role="search" part="search" @submit=${submit}>
      <label for="cx-search">${t('inbox.search')}</label>
      <div class="search-row">
        <input id="cx-search" name="query" type="search" maxlength="200" />
        <button type="submit" class="quiet">${t('inbox.searchSubmit')}</button>
      </div>
    </form>
    ${
      results === null
        ? nothing
        : html`<h2 id="results-title">${t('inbox.searchResults')}</h2>
            ${
              results.length
                ? html`<ul part="search-results" aria-labelledby="results-title">
                    ${results.map(
                      (c) =>
                        html`<li>
                          <button
                            class="select quiet item"
                            aria-current=${c.id === selected ? 'true' : 'false'}
                            @click=${() => onOpen(c.id)}
                          >
                            <span class="preview">${c.lastText ?? t('inbox.noPreview')}</span>
                            ${c.rating ? html`<span class="rating">${ratingText(l10n, c)}</span>` : nothing}
                            <span class="waited"
                              >${t(`inbox.status.${c.status}`)} ·
                              <time datetime=${c.createdAt}
                                >${formatTime(l10n.locale, c.createdAt)}</time
                              ></span
                            >
                          </button>
                        </li>`,
                    )}
                  </ul>`
                : html`<p class="empty">${t('inbox.noResults')}</p>`
            }
            <button class="quiet" @click=${onClear}>${t('inbox.clearSearch')}</button>`
    }`;
}
