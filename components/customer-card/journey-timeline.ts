import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { StoredJourneyEvent, Visit } from '../../protocol/index.js';
import { formatTime } from '../core/i18n/intl-format.js';
import type { LocalizeController } from '../core/i18n/localize-controller.js';
import { formatDateTime } from './format.js';
import { eventDetail, eventIcons, linkOf } from './journey-text.js';

/** Every row has this height, so the window is plain arithmetic on scrollTop. */
export const rowHeight = 40;
/** Rows rendered above and below the visible ones, so keyboard focus and fast scrolls find rows. */
const overscan = 8;

export type TimelineRow =
  { kind: 'visit'; visit: Visit } | { kind: 'event'; item: StoredJourneyEvent };

/** Visits newest first, each followed by its events in the order they happened. */
export function timelineRows(visits: readonly Visit[]): TimelineRow[] {
  const newestFirst = [...visits].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return newestFirst.flatMap((visit) => [
    { kind: 'visit' as const, visit },
    ...[...visit.events]
      .sort((a, b) => a.id - b.id)
      .map((item) => ({ kind: 'event' as const, item })),
  ]);
}

/**
 * Follows the timeline's scroll container, so the host renders only the rows in view
 * plus a margin: 10,000 events stay 10,000 rows of data and a few dozen DOM nodes.
 */
export class TimelineWindow implements ReactiveController {
  private scrollTop = 0;
  private viewport = 320;
  private readonly resizeObserver = new ResizeObserver(([entry]) => {
    if (entry && entry.contentRect.height !== this.viewport) {
      this.viewport = entry.contentRect.height || this.viewport;
      this.host.requestUpdate();
    }
  });
  private observed: Element | null = null;
  /** The sizer's height and the rows' offset for the window last rendered, in px. */
  private layout = { height: 0, offset: 0 };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.resizeObserver.disconnect();
    this.observed = null;
  }

  /**
   * The scroll container rendered this time (call after each update). Sizes it through the
   * CSSOM, not a style attribute, which a strict Content-Security-Policy would block.
   */
  observe(scroller: Element | null): void {
    scroller
      ?.querySelector<HTMLElement>('.sizer')
      ?.style.setProperty('height', `${this.layout.height}px`);
    scroller
      ?.querySelector<HTMLElement>('.rows')
      ?.style.setProperty('transform', `translateY(${this.layout.offset}px)`);
    if (scroller === this.observed) return;
    this.resizeObserver.disconnect();
    this.observed = scroller;
    if (scroller) this.resizeObserver.observe(scroller);
  }

  readonly onScroll = (event: Event): void => {
    this.scrollTop = (event.target as HTMLElement).scrollTop;
    this.host.requestUpdate();
  };

  /** Indices [start, end) of the rows to render out of `total`. */
  range(total: number): [number, number] {
    const start = Math.max(0, Math.floor(this.scrollTop / rowHeight) - overscan);
    const end = Math.min(total, Math.ceil((this.scrollTop + this.viewport) / rowHeight) + overscan);
    this.layout = { height: total * rowHeight, offset: start * rowHeight };
    return [start, Math.max(start, end)];
  }
}

export interface TimelineOptions {
  rows: readonly TimelineRow[];
  scroll: TimelineWindow;
  l10n: LocalizeController;
  /** Set when the agent may send links into the open conversation. */
  onSendLink?: (url: string, name: string) => void;
}

export function renderTimeline({ rows, scroll, l10n, onSendLink }: TimelineOptions) {
  if (!rows.length) return html`<p class="quiet">${l10n.t('card.timelineEmpty')}</p>`;
  const [start, end] = scroll.range(rows.length);
  return html`<div
    class="scroller"
    part="timeline"
    tabindex="0"
    role="region"
    aria-labelledby="timeline-title"
    @scroll=${scroll.onScroll}
  >
    <div class="sizer">
      <ul class="rows" aria-labelledby="timeline-title">
        ${rows.slice(start, end).map((row, i) => {
          const position = { index: start + i + 1, total: rows.length };
          return row.kind === 'visit'
            ? renderVisitRow(row.visit, position, l10n)
            : renderEventRow(row.item, position, l10n, onSendLink);
        })}
      </ul>
    </div>
  </div>`;
}

type Position = { index: number; total: number };

function renderVisitRow(visit: Visit, { index, total }: Position, l10n: LocalizeController) {
  const text = l10n.t('card.visit', {
    time: formatDateTime(l10n.locale, visit.startedAt),
    count: visit.events.length,
  });
  return html`<li class="row visit" part="visit" aria-posinset=${index} aria-setsize=${total}>
    <span class="detail">${text}</span>
  </li>`;
}

function renderEventRow(
  { event, struggle }: StoredJourneyEvent,
  { index, total }: Position,
  l10n: LocalizeController,
  onSendLink: TimelineOptions['onSendLink'],
) {
  const detail = eventDetail(event, l10n);
  const url = linkOf(event);
  return html`<li
    class="row event ${struggle ? 'struggle' : ''}"
    part=${struggle ? 'event struggle' : 'event'}
    aria-posinset=${index}
    aria-setsize=${total}
  >
    <span class="icon" aria-hidden="true">${eventIcons[event.type]}</span>
    <time datetime=${event.at}>${formatTime(l10n.locale, event.at)}</time>
    <span class="label">${l10n.t(`card.event.${event.type}`)}</span>
    ${struggle ? html`<span class="badge">${l10n.t('card.struggleBadge')}</span>` : nothing}
    <span class="detail" title=${detail}>${detail}</span>
    ${
      url && onSendLink
        ? html`<button
            class="quiet small"
            part="send-link"
            aria-label=${l10n.t('card.sendLinkTo', { target: detail })}
            @click=${() => onSendLink(url, detail)}
          >
            ${l10n.t('card.sendLink')}
          </button>`
        : nothing
    }
  </li>`;
}
