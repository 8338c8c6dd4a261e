// tm web page: the Search view — the glossary's house spelling (GET /v1/glossary/lookup), the romanizations
// (GET /v1/romanize), the memory's fuzzy matches (GET /v1/matches) and the stored pairs that contain a phrase
// (GET /v1/concordance), with keyboard navigation in the results.
import { $, $$, el, isHangul, scalars, plural, debounce, copy } from './dom.js';
import { APIError, api, showAlert } from './api.js';
import { renderDiff } from './diff.js';
import { setParameter } from './views.js';
import { openTermEditor } from './term-editor.js';

const VIA = {
  hangul: 'Hangul',
  canonical: 'house spelling',
  variant: 'off-style spelling',
  alias: 'accepted other name',
  generated: 'romanized spelling',
  fuzzy: 'near miss',
};

let searchController = null;
let searchSequence = 0;
let lastLookup = null;

export const runSearchSoon = debounce(runSearch, 200);

function chosenKind(query, lookup) {
  const chosen = ($('input[name="kind"]:checked') || {}).value || 'auto';
  if (chosen !== 'auto') return { kind: chosen, auto: false };
  const top = lookup && lookup.matches && lookup.matches[0];
  if (top && top.score >= 100 && !top.generated) {
    const byKind = { person: 'name', place: 'place' };
    if (byKind[top.kind]) return { kind: byKind[top.kind], auto: true };
    return { kind: 'word', auto: true };
  }
  const syllables = scalars(query).filter((c) => /[\uAC00-\uD7A3]/.test(c)).length;
  const oneWord = !/\s/.test(query);
  return { kind: oneWord && syllables >= 2 && syllables <= 4 ? 'name' : 'word', auto: true };
}

const MAX_QUERY = 10000;
const MAX_URL_QUERY = 48000;

async function runSearch() {
  const input = $('#q');
  const query = input.value.trim();
  setParameter('q', query);
  if (searchController) searchController.abort();
  const sequence = ++searchSequence;
  showAlert($('#search-error'), null);
  if (!query) {
    renderGlossary(null, query);
    renderRomanizations(null);
    renderMatches(null, query);
    setBusy(false);
    return;
  }
  if (scalars(query).length >= MAX_QUERY) {
    showAlert($('#search-error'), new APIError(0, 'too_long',
      `The search box takes ${MAX_QUERY.toLocaleString('en')} characters and cut the rest. For a whole article, use the Article view.`));
  }
  // A query goes in the URL: past what a URL can carry (a dense Hangul query is 9 bytes a character) say so, instead
  // of the bare 400 the HTTP parser gives.
  if (encodeURIComponent(query).length > MAX_URL_QUERY) {
    showAlert($('#search-error'), new APIError(0, 'too_long',
      `This query is too long to search (${scalars(query).length.toLocaleString('en')} characters): shorten it, or use the Article view for an article.`));
    renderGlossary(null, query);
    renderRomanizations(null);
    renderMatches(null, query);
    setBusy(false);
    return;
  }
  searchController = new AbortController();
  const { signal } = searchController;
  setBusy(true);
  const min = $('#min-score').value;
  const [lookup, matches, concordance] = await Promise.allSettled([
    api('GET', '/v1/glossary/lookup?q=' + encodeURIComponent(query), undefined, { signal }),
    searchMemory(query, Number(min), signal),
    // A phrase (a name, a few words) is looked up inside stored sentences too; a whole sentence is not.
    scalars(query).length <= 40 ? api('GET', `/v1/concordance?q=${encodeURIComponent(query)}&limit=10`, undefined, { signal }) : null,
  ]);
  if (sequence !== searchSequence) return;
  renderConcordance(concordance.status === 'fulfilled' ? concordance.value : null);
  const failure = [lookup, matches].find((r) => r.status === 'rejected' && !(r.reason && r.reason.name === 'AbortError'));
  if (failure) showAlert($('#search-error'), failure.reason);
  lastLookup = lookup.status === 'fulfilled' ? lookup.value : null;
  renderGlossary(lookup.status === 'fulfilled' ? lastLookup : undefined, query, matches.status === 'fulfilled' ? matches.value.terms : null);
  renderMatches(matches.status === 'fulfilled' ? matches.value : undefined, query);

  // A sentence is romanized only when a kind is chosen: on a phone its romanization would push the memory's
  // matches two screens down, and names are what the desk romanizes.
  const sentenceQuery = scalars(query).length > 20 || /[.?!。]\s*$/.test(query);
  const chosen = ($('input[name="kind"]:checked') || {}).value || 'auto';
  if (isHangul(query) && (!sentenceQuery || chosen !== 'auto')) {
    const { kind, auto } = chosenKind(query, lastLookup);
    $('#kind-auto-label').textContent = auto ? `Auto (${kind})` : 'Auto';
    const systems = [
      { system: 'rr', label: 'RR', title: 'Revised Romanization' },
      { system: 'mr', label: 'MR', title: 'McCune–Reischauer' },
      { system: 'dprk', label: 'DPRK', title: 'North Korean (1992)' },
    ];
    const answers = await Promise.allSettled(systems.map(({ system }) => {
      const style = system === 'dprk' && kind === 'name' ? '&style=dprk' : '';
      const path = `/v1/romanize?text=${encodeURIComponent(query)}&system=${system}&kind=${kind}${style}`;
      return api('GET', path, undefined, { signal });
    }));
    if (sequence !== searchSequence) return;
    const rows = systems.map((system, index) => ({ ...system, kind, answer: answers[index] }));
    const romanFailure = answers.find((r) => r.status === 'rejected' && !(r.reason && r.reason.name === 'AbortError'));
    if (romanFailure && !failure) showAlert($('#search-error'), romanFailure.reason);
    renderRomanizations(rows);
  } else {
    $('#kind-auto-label').textContent = 'Auto';
    renderRomanizations(null);
  }
  setBusy(false);
}

function setBusy(busy) {
  $('#search-busy').classList.toggle('on', busy);
  $('#search-results').setAttribute('aria-busy', busy ? 'true' : 'false');
}

function resultItem(copyText, copyLabel, children, extra = {}) {
  const item = el('li', { class: 'result', tabindex: '-1', 'data-copy': copyText, title: 'Click or press Enter to copy', ...extra }, children);
  item.addEventListener('click', (event) => {
    if (event.target.closest('button, a, input, select, textarea')) return;
    focusResult(item);
    copy(copyText, copyLabel);
  });
  return item;
}

function renderGlossary(lookup, query, hints) {
  const list = $('#glossary-list');
  list.replaceChildren();
  // A sentence is romanized by rule as if it were a name: not worth showing; names are short. For a
  // sentence, the glossary terms found in it (the matches' hints) are what the translator needs.
  const sentence = scalars(query).length > 20 || /[.?!。]\s*$/.test(query);
  const matches = ((lookup && lookup.matches) || []).filter((match) => !(match.generated && sentence));
  if (!matches.length && hints) {
    const seen = new Set();
    for (const hint of hints) {
      const term = hint.matches && hint.matches[0];
      if (!term || seen.has(term.id)) continue;
      seen.add(term.id);
      matches.push({ ...term, generated: false, via: 'text', matched: hint.text, score: 100 });
    }
  }
  const empty = $('#glossary-empty');
  empty.hidden = matches.length > 0;
  // No answer is not "no entry": a stopped server must not look like an empty glossary.
  empty.textContent = !query ? 'Type a name to see its house spelling.'
    : lookup === undefined ? 'The glossary could not be asked (see the message above).'
      : 'No glossary entry matches. “Add term” puts one in.';
  for (const match of matches) {
    const badges = [el('span', { class: 'badge kind', text: match.kind })];
    if (match.generated) badges.push(el('span', { class: 'badge generated', text: 'generated — not in the glossary' }));
    else if (match.via === 'fuzzy') badges.push(el('span', { class: 'badge near', text: `near miss · ${Math.floor(match.score)}` }));
    // Accepted other names first, then the off-style spellings the check corrects.
    const variants = [...(match.aliases || []), ...(match.variants || [])];
    const shown = variants.length > 8 ? variants.slice(0, 6) : variants;
    const how = match.generated
      ? el('div', { class: 'matched' }, 'Romanized by rule from ', el('b', { lang: 'ko', text: match.hangul }))
      : match.via === 'canonical' && !isHangul(query) && query !== match.english
        // Loose keys ignore hyphens, spaces and case: "Kim Jong Un" meets "Kim Jong-un", but is not written so.
        ? el('div', { class: 'matched off-style' }, 'Your spelling differs from the house spelling: write ', el('b', { lang: 'en', text: `“${match.english}”` }))
        : el('div', { class: 'matched' }, match.via === 'text' ? 'Found in your text as ' : `Matched by ${VIA[match.via] || match.via} `,
          el('b', { lang: isHangul(match.matched || '') ? 'ko' : 'en', text: `“${match.matched}”` }));
    const actions = el('div', { class: 'actions' },
      el('button', {
        type: 'button', class: 'icon-button', text: 'Copy',
        'aria-label': `Copy ${match.english}`, onclick: () => copy(match.english),
      }),
      match.generated || match.id === undefined || match.id === null
        ? el('button', {
          type: 'button', class: 'icon-button', text: 'Add to glossary',
          'aria-label': `Add ${match.hangul} as ${match.english} to the glossary`,
          onclick: () => openTermEditor(null, { hangul: match.hangul, english: match.english, kind: match.kind }),
        })
        : el('button', {
          type: 'button', class: 'icon-button', text: 'Edit',
          'aria-label': `Edit the glossary entry ${match.english}`, onclick: () => openTermEditor(match.id, match),
        }));
    const item = resultItem(match.english, match.english, [
      el('div', { class: 'term-line' },
        el('span', { class: 'house', lang: 'en', text: match.english }),
        el('span', { class: 'term-hangul', lang: 'ko', text: match.hangul }),
        badges),
      how,
      variants.length
        ? el('div', { class: 'variants' }, 'Also written: ', shown.map((variant, i) => [
          el('span', { class: 'variant', lang: 'en' }, variant,
            i < shown.length - 1 ? el('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }) : null),
          i < shown.length - 1 ? ' ' : null]),
        shown.length < variants.length
          ? [' ', el('button', {
            type: 'button', class: 'link-button', text: `+${variants.length - shown.length} more`,
            'aria-label': `Show all ${variants.length} spellings of ${match.english}`,
            onclick: (event) => {
              const all = el('span', { class: 'variant-all', lang: 'en', text: variants.join(' · ') });
              event.target.parentElement.replaceChildren('Also written: ', all);
            },
          })]
          : null)
        : null,
      match.note ? el('div', { class: 'note', text: match.note }) : null,
      actions,
    ], { 'data-kind': 'term', 'data-generated': match.generated ? 'true' : 'false' });
    list.append(item);
  }
  updateRoving();
}

function renderRomanizations(rows) {
  const panel = $('#panel-roman');
  const list = $('#roman-list');
  list.replaceChildren();
  panel.hidden = !rows;
  if (!rows) return;
  for (const row of rows) {
    if (row.answer.status !== 'fulfilled') {
      list.append(el('li', { class: 'result' }, el('span', { class: 'system', text: row.label }), el('span', { class: 'empty', text: 'unavailable' })));
      continue;
    }
    const output = row.answer.value.output;
    list.append(resultItem(output, `${output} (${row.label})`, [
      el('span', { class: 'system', title: row.title, text: row.label }),
      el('span', { class: 'roman-output', lang: 'en', text: output }),
      el('span', { class: 'roman-kind', text: row.kind }),
    ], { 'data-kind': 'roman', 'data-system': row.system }));
  }
  updateRoving();
}

function scoreClass(score) {
  if (score >= 95) return 'high';
  if (score >= 75) return 'mid';
  return 'low';
}

/**
 * Fuzzy matches at the chosen minimum; on a memory too large for it (the server answers 422 too_broad rather than
 * scan every pair) the next higher minimum the menu offers, noted in the result so the list says so.
 */
async function searchMemory(query, min, signal) {
  const levels = [...$('#min-score').options].map((option) => Number(option.value)).filter((value) => value > min);
  for (let level = min; ; level = levels.shift()) {
    try {
      const result = await api('GET', `/v1/matches?q=${encodeURIComponent(query)}&min=${level}&limit=10&hints=true`, undefined, { signal });
      if (level !== min) result.raisedTo = level;
      return result;
    } catch (error) {
      if (!(error instanceof APIError) || error.code !== 'too_broad' || levels.length === 0) throw error;
    }
  }
}

function renderMatches(result, query) {
  const list = $('#match-list');
  list.replaceChildren();
  const matches = (result && result.matches) || [];
  const empty = $('#matches-empty');
  empty.hidden = matches.length > 0;
  const shown = (result && result.raisedTo) || $('#min-score').value;
  const raised = result && result.raisedTo ? ` (the memory is too large to search below ${shown}% for this query)` : '';
  empty.textContent = !query ? 'Fuzzy matches from the memory appear here, with their score.'
    : result === undefined ? 'The memory could not be searched (see the message above).'
      : `No pair in the memory scores ${shown}% or more${raised}.`;
  if (raised && matches.length > 0) {
    empty.hidden = false;
    empty.textContent = `Showing ${shown}% and up: the memory is too large to search lower for this query.`;
  }
  const from = (result && result.from) || (isHangul(query) ? 'ko' : 'en');
  const to = from === 'ko' ? 'en' : 'ko';
  for (const match of matches) {
    const score = Math.floor(match.score);
    const source = match[from];
    const target = match[to];
    const item = resultItem(target, 'the translation', [
      el('span', { class: `score ${scoreClass(match.score)}`, 'aria-label': `score ${score} percent`, text: `${score}%` }),
      el('div', { class: 'match-source', lang: from }, renderDiff(query, source)),
      el('div', { class: 'match-target', lang: to, text: target }),
      el('div', { class: 'match-meta', text: `#${match.id}${match.origin ? ' · ' + match.origin : ''}` }),
    ], { class: 'result match', 'data-kind': 'match', 'data-score': String(match.score) });
    list.append(item);
  }
  updateRoving();
}

/** Stored pairs whose side contains the phrase, the phrase marked where it stands. */
function renderConcordance(result) {
  const list = $('#concordance-list');
  list.replaceChildren();
  const hits = (result && result.hits) || [];
  $('#panel-concordance').hidden = hits.length === 0;
  $('#concordance-summary').textContent = hits.length ? plural(hits.length, 'pair') + ' contain it' : '';
  for (const hit of hits) {
    const side = hit.side;
    const other = side === 'ko' ? 'en' : 'ko';
    const chars = scalars(hit[side]);
    const marked = [];
    let position = 0;
    for (const span of hit.spans || []) {
      if (span.start < position) continue;
      marked.push(chars.slice(position, span.start).join(''), el('mark', { text: chars.slice(span.start, span.end).join('') }));
      position = span.end;
    }
    marked.push(chars.slice(position).join(''));
    list.append(resultItem(hit[other], 'the translation', [
      el('div', { class: 'match-source', lang: side }, marked),
      el('div', { class: 'match-target', lang: other, text: hit[other] }),
      el('div', { class: 'match-meta', text: `#${hit.id}${hit.origin ? ' · ' + hit.origin : ''}` }),
    ], { class: 'result match', 'data-kind': 'concordance' }));
  }
}

// Keyboard navigation in the results: one result in the tab order, the arrow keys move, Enter or Space copies.
const results = () => $$('#search-results .result[data-copy]').filter((node) => !node.closest('[hidden]'));

function updateRoving() {
  const items = results();
  const active = items.find((node) => node.tabIndex === 0);
  for (const node of items) node.tabIndex = -1;
  if (items.length) (active || items[0]).tabIndex = 0;
}

function focusResult(item) {
  for (const node of results()) {
    node.tabIndex = -1;
    node.classList.remove('active');
  }
  item.tabIndex = 0;
  item.focus();
}

export function onResultsKey(event) {
  const item = event.target.closest('.result[data-copy]');
  if (!item || event.target !== item) return;
  const items = results();
  const index = items.indexOf(item);
  let next = null;
  if (event.key === 'ArrowDown') next = items[Math.min(index + 1, items.length - 1)];
  else if (event.key === 'ArrowUp') {
    if (index === 0) { $('#q').focus(); event.preventDefault(); return; }
    next = items[index - 1];
  } else if (event.key === 'Home') next = items[0];
  else if (event.key === 'End') next = items[items.length - 1];
  else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    copy(item.dataset.copy);
    return;
  } else if (event.key === 'Escape') {
    event.preventDefault();
    $('#q').focus();
    return;
  }
  if (next) {
    event.preventDefault();
    focusResult(next);
  }
}

export function onSearchKey(event) {
  if (event.key === 'ArrowDown') {
    const items = results();
    if (items.length) {
      event.preventDefault();
      focusResult(items[0]);
    }
  } else if (event.key === 'Enter') {
    event.preventDefault();
    runSearchSoon.now();
  } else if (event.key === 'Escape' && $('#q').value) {
    event.preventDefault();
    $('#q').value = '';
    runSearchSoon.now();
  }
}

/** The glossary's last answer, for the term editor's "Add term" seed. */
export function latestLookup() {
  return lastLookup;
}
