// tm web page: a thin client of the HTTP API (README, "HTTP API"). No framework, no build step.
// Views: #search (glossary, romanization, fuzzy matches, concordance), #check (house style), #align (pairs for the
// memory), #article (a whole article analyzed, pre-translated, and checked against its translation).
// With ?selftest=1 it loads selftest.js, which drives every view and writes the outcome to #selftest-result.
import { $, $$, el, isHangul, scalars, plural, debounce, toast, copy } from './dom.js';
import { APIError, api, write, showAlert, storedToken, forgetToken, showTokenState } from './api.js';
import { renderDiff } from './diff.js';
import { runArticle, runQA, downloadXLIFF, copyDraft } from './article.js';

(() => {
  // ---------- Errors seen by the page (the self-test reports them) ----------
  const seenErrors = [];
  window.addEventListener('error', (event) => {
    seenErrors.push('error: ' + (event.message || (event.target && event.target.src) || 'resource failed'));
  }, true);
  window.addEventListener('unhandledrejection', (event) => {
    const reason = event.reason;
    seenErrors.push('unhandled rejection: ' + (reason && reason.message ? reason.message : String(reason)));
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    seenErrors.push('content security policy: ' + event.violatedDirective + ' ' + event.blockedURI);
  });
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    seenErrors.push('console.error: ' + args.map(String).join(' '));
    consoleError(...args);
  };

  // ---------- Views ----------
  const VIEWS = ['search', 'check', 'align', 'article'];

  function currentView() {
    const name = location.hash.replace('#', '');
    return VIEWS.includes(name) ? name : 'search';
  }

  function showView(focus = true) {
    const name = currentView();
    for (const view of $$('.view')) view.hidden = view.dataset.view !== name;
    for (const link of $$('.tabs a')) {
      if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    document.title = { search: 'Search', check: 'Check a draft', align: 'Align', article: 'Article' }[name] + ' — tm';
    if (focus) {
      const target = { search: '#q', check: '#draft', align: '#align-ko', article: '#article-ko' }[name];
      const node = $(target);
      if (node && !node.value) node.focus({ preventScroll: true });
    }
  }

  function setParameter(name, value) {
    const url = new URL(location.href);
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }

  // ---------- Search ----------
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

  const runSearchSoon = debounce(runSearch, 200);

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

  // ---------- Keyboard navigation in the results ----------
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

  function onResultsKey(event) {
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

  function onSearchKey(event) {
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

  // ---------- Glossary editing ----------
  let editingID = null;
  /** Set after the server answered 409: the next save adds the term beside the entries it named (a homonym). */
  let savingAsHomonym = false;

  async function openTermEditor(id, seed) {
    const dialog = $('#term-dialog');
    showAlert($('#term-error'), null);
    for (const node of $$('[aria-invalid]', dialog)) node.removeAttribute('aria-invalid');
    editingID = id;
    savingAsHomonym = false;
    $('#term-save').textContent = 'Save';
    $('#term-delete').hidden = id === null;
    $('#term-delete').textContent = 'Delete…';
    let term = seed || {};
    if (id !== null) {
      try {
        term = await api('GET', `/v1/glossary/terms/${encodeURIComponent(id)}`);
      } catch (error) {
        showAlert($('#search-error'), error);
        return;
      }
    } else if (!seed) {
      const query = $('#q').value.trim();
      term = isHangul(query) ? { hangul: query } : { english: query };
      const top = lastLookup && lastLookup.matches && lastLookup.matches.find((match) => match.generated);
      if (top && isHangul(query)) term = { hangul: top.hangul, english: top.english, kind: top.kind };
    }
    $('#term-title').textContent = id === null ? 'Add a term' : `Edit ${term.english || 'term'}`;
    $('#term-hangul').value = term.hangul || '';
    $('#term-english').value = term.english || '';
    $('#term-kind').value = ['person', 'place', 'organization', 'term'].includes(term.kind) ? term.kind : 'person';
    $('#term-variants').value = (term.variants || []).join('\n');
    $('#term-aliases').value = (term.aliases || []).join('\n');
    $('#term-note').value = term.note || '';
    $('#term-source').value = term.source || '';
    $('#term-country').value = term.country || '';
    dialog.showModal();
    $(term.hangul ? '#term-english' : '#term-hangul').focus();
  }

  async function saveTerm(event) {
    event.preventDefault();
    const dialog = $('#term-dialog');
    const body = {
      hangul: $('#term-hangul').value.trim(),
      english: $('#term-english').value.trim(),
      kind: $('#term-kind').value,
      variants: $('#term-variants').value.split('\n').map((v) => v.trim()).filter(Boolean),
      aliases: $('#term-aliases').value.split('\n').map((v) => v.trim()).filter(Boolean),
      note: $('#term-note').value.trim(),
      source: $('#term-source').value.trim(),
      country: $('#term-country').value.trim().toUpperCase(),
    };
    if (savingAsHomonym) body.homonym = true;
    for (const node of $$('[aria-invalid]', dialog)) node.removeAttribute('aria-invalid');
    const missing = ['hangul', 'english'].find((key) => !body[key]);
    if (missing) {
      const field = $(`#term-${missing}`);
      field.setAttribute('aria-invalid', 'true');
      showAlert($('#term-error'), new APIError(400, 'invalid_input', `${missing === 'hangul' ? 'Hangul' : 'The house spelling'} is needed.`, missing));
      field.focus();
      return;
    }
    const save = $('#term-save');
    save.disabled = true;
    try {
      const term = editingID === null
        ? await write('POST', '/v1/glossary/terms', body)
        : await write('PUT', `/v1/glossary/terms/${encodeURIComponent(editingID)}`, body);
      dialog.close('saved');
      toast(`Saved ${term.english} · ${term.hangul}`);
      if (!$('#q').value.trim()) $('#q').value = term.hangul;
      runSearchSoon.now();
    } catch (error) {
      showAlert($('#term-error'), error);
      // Same Hangul or English as stored entries: say so (the message lists them) and let a second save add it anyway.
      if (error instanceof APIError && error.code === 'conflict' && editingID === null && !savingAsHomonym) {
        savingAsHomonym = true;
        save.textContent = 'Save as another entry';
      }
      if (error instanceof APIError && error.field) {
        const field = $(`#term-${error.field}`);
        if (field) {
          field.setAttribute('aria-invalid', 'true');
          field.focus();
        }
      }
    } finally {
      save.disabled = false;
    }
  }

  /** Deletes the entry being edited; the first click asks, the second deletes. */
  async function deleteTerm() {
    const button = $('#term-delete');
    if (editingID === null) return;
    if (button.dataset.confirm !== String(editingID)) {
      button.dataset.confirm = String(editingID);
      button.textContent = 'Delete for good';
      showAlert($('#term-error'), new APIError(0, 'confirm', 'Click "Delete for good" to remove this entry from the glossary.'));
      return;
    }
    delete button.dataset.confirm;
    try {
      await write('DELETE', `/v1/glossary/terms/${encodeURIComponent(editingID)}`);
      $('#term-dialog').close('deleted');
      toast(`Deleted ${$('#term-english').value} · ${$('#term-hangul').value}`);
      runSearchSoon.now();
    } catch (error) {
      showAlert($('#term-error'), error);
    }
  }

  // ---------- Check a draft ----------
  let checked = null;
  let checkSequence = 0;

  const runCheckSoon = debounce(runCheck, 500);

  async function runCheck() {
    const text = $('#draft').value;
    const sequence = ++checkSequence;
    showAlert($('#check-error'), null);
    if (!text.trim()) {
      checked = null;
      renderCheck();
      return;
    }
    $('#check-status').textContent = 'Checking…';
    try {
      const result = await api('POST', '/v1/glossary/check', { text });
      if (sequence !== checkSequence) return;
      checked = { text, result };
    } catch (error) {
      if (sequence !== checkSequence) return;
      checked = null;
      showAlert($('#check-error'), error);
    }
    renderCheck();
  }

  function renderCheck() {
    const output = $('#check-output');
    const list = $('#issue-list');
    output.replaceChildren();
    list.replaceChildren();
    $('#check-copy').disabled = !checked;
    $('#check-apply').disabled = !checked || checked.result.issues.length === 0;
    if (!checked) {
      output.append(el('p', { class: 'empty', text: 'The checked text appears here.' }));
      $('#issue-panel').hidden = true;
      $('#check-status').textContent = '';
      return;
    }
    const chars = scalars(checked.text);
    const issues = [...checked.result.issues].sort((x, y) => x.start - y.start);
    let position = 0;
    issues.forEach((issue, index) => {
      if (issue.start < position) return;
      output.append(chars.slice(position, issue.start).join(''));
      const found = chars.slice(issue.start, issue.end).join('');
      output.append(el('span', { class: 'issue', id: `issue-${index}` },
        el('mark', { class: 'issue-found', title: `House style: ${issue.house}`, text: found }),
        el('span', { class: 'house-form', 'aria-label': `house form ${issue.house}`, text: issue.house })));
      position = issue.end;
      const alternatives = (issue.alternatives || []).filter(Boolean);
      list.append(el('li', {},
        el('span', { class: 'found', lang: 'en', text: issue.found }),
        el('span', { 'aria-hidden': 'true', text: '→' }),
        el('span', { class: 'to', lang: 'en', text: issue.house }),
        el('span', { class: 'meta', lang: 'ko', text: issue.hangul || '' }),
        alternatives.length ? el('span', { class: 'meta', text: 'or ' + alternatives.map((a) => a.english || a).join(', ') }) : null,
        el('button', { type: 'button', class: 'icon-button', text: 'Copy', 'aria-label': `Copy ${issue.house}`, onclick: () => copy(issue.house) })));
    });
    output.append(chars.slice(position).join(''));
    $('#issue-panel').hidden = issues.length === 0;
    const status = $('#check-status');
    status.textContent = issues.length ? `${plural(issues.length, 'name')} to fix` : 'Every name is in house style ✓';
    status.classList.toggle('ok', issues.length === 0);
  }

  // ---------- Align ----------
  let alignment = null;

  async function runAlign() {
    const ko = $('#align-ko').value;
    const en = $('#align-en').value;
    showAlert($('#align-error'), null);
    $('#add-status').textContent = '';
    if (!ko.trim() || !en.trim()) {
      showAlert($('#align-error'), new APIError(400, 'invalid_input', 'Both texts are needed: the Korean and its English version.'));
      return;
    }
    const min = Number($('#align-min').value);
    const button = $('#align-run');
    button.disabled = true;
    $('#align-status').textContent = 'Aligning…';
    try {
      const result = await api('POST', '/v1/align', { ko, en, min_confidence: Number.isFinite(min) ? min : 0.5 });
      alignment = {
        ko: result.ko_sentences,
        en: result.en_sentences,
        beads: result.beads.map((bead) => ({
          ko: bead.ko, en: bead.en, confidence: bead.confidence, flagged: bead.flagged, edited: false, added: false,
          include: !bead.flagged && bead.ko.length > 0 && bead.en.length > 0,
        })),
      };
      $('#align-status').textContent = '';
      renderBeads();
      // On a phone the pairs are the work now: fold the texts away (one tap brings them back).
      showAlignTexts(!window.matchMedia('(max-width: 760px)').matches);
    } catch (error) {
      $('#align-status').textContent = '';
      showAlert($('#align-error'), error);
    } finally {
      button.disabled = false;
    }
  }

  function showAlignTexts(show) {
    $('#align-inputs').hidden = !show;
    const toggle = $('#align-texts');
    toggle.hidden = !alignment;
    toggle.textContent = show ? 'Hide the texts' : 'Show the texts';
    toggle.setAttribute('aria-expanded', show ? 'true' : 'false');
  }

  const pairable = (bead) => bead.ko.length > 0 && bead.en.length > 0;

  function editBead(index, replacement) {
    alignment.beads.splice(index, replacement.removed, ...replacement.beads);
    renderBeads();
  }

  function mergeWithNext(index) {
    const [a, b] = alignment.beads.slice(index, index + 2);
    if (!b) return;
    const merged = {
      ko: [...a.ko, ...b.ko].sort((x, y) => x - y), en: [...a.en, ...b.en].sort((x, y) => x - y),
      confidence: null, flagged: false, edited: true, added: false,
    };
    merged.include = pairable(merged);
    editBead(index, { removed: 2, beads: [merged] });
    focusBeadAction(index, 'merge');
  }

  function split(index) {
    const bead = alignment.beads[index];
    const cut = (side) => (side.length > 1 ? Math.ceil(side.length / 2) : side.length);
    let koCut = cut(bead.ko);
    let enCut = cut(bead.en);
    if (bead.ko.length <= 1 && bead.en.length <= 1) { koCut = bead.ko.length; enCut = 0; }
    const first = { ko: bead.ko.slice(0, koCut), en: bead.en.slice(0, enCut), confidence: null, flagged: false, edited: true, added: false };
    const second = { ko: bead.ko.slice(koCut), en: bead.en.slice(enCut), confidence: null, flagged: false, edited: true, added: false };
    first.include = pairable(first);
    second.include = pairable(second);
    editBead(index, { removed: 1, beads: [first, second] });
    focusBeadAction(index, 'split');
  }

  function focusBeadAction(index, action) {
    const node = $(`#bead-list li:nth-child(${index + 1}) [data-action="${action}"]`) || $(`#bead-list li:nth-child(${index + 1}) input`);
    if (node && !node.disabled) node.focus();
    else if (node) $(`#bead-list li:nth-child(${index + 1}) input`).focus();
  }

  function renderBeads() {
    const panel = $('#bead-panel');
    const list = $('#bead-list');
    list.replaceChildren();
    panel.hidden = !alignment;
    if (!alignment) return;
    alignment.beads.forEach((bead, index) => {
      const number = index + 1;
      const side = (indices, sentences, lang, label) => el('div', { class: `bead-side ${lang}`, lang },
        indices.length
          ? indices.map((i, k) => el('p', {}, k === 0 ? el('span', { class: 'side-label', lang: 'en', text: label }) : null, sentences[i]))
          : el('p', { class: 'none', lang: 'en' }, el('span', { class: 'side-label', text: label }), 'no counterpart'));
      const percent = bead.confidence === null ? null : Math.round(bead.confidence * 100);
      const checkbox = el('input', {
        type: 'checkbox', checked: bead.include && pairable(bead), disabled: !pairable(bead) || bead.added,
        'aria-label': `Add pair ${number} to the memory`,
        onchange: (event) => { bead.include = event.target.checked; updateBeadSummary(); },
      });
      const meter = el('div', { class: 'meter', 'aria-hidden': 'true' }, el('span', {}));
      meter.firstChild.style.width = `${percent === null ? 100 : percent}%`;
      const states = [];
      if (bead.flagged) states.push(el('span', { class: 'flag-note', text: '⚑ check this pair' }));
      if (bead.edited) states.push(el('span', { class: 'flag-note', text: 'edited by you' }));
      if (bead.added) states.push(el('span', { class: 'flag-note', text: '✓ in the memory' }));
      const total = bead.ko.length + bead.en.length;
      list.append(el('li', {
        class: ['bead', bead.flagged ? 'flagged' : '', bead.edited ? 'edited' : '', bead.added ? 'added' : ''].join(' ').trim(),
        'aria-label': `Pair ${number}${bead.flagged ? ', flagged for review' : ''}`,
      },
      el('div', { class: 'bead-pick' }, checkbox, el('span', { text: String(number) })),
      side(bead.ko, alignment.ko, 'ko', 'KO'),
      side(bead.en, alignment.en, 'en', 'EN'),
      el('div', { class: 'bead-confidence' },
        el('span', { class: 'confidence', text: percent === null ? 'reviewed' : `${percent}%` }), meter, states),
      el('div', { class: 'bead-actions' },
        el('button', {
          type: 'button', class: 'icon-button', 'data-action': 'merge', text: 'Merge ↓', disabled: index === alignment.beads.length - 1,
          'aria-label': `Merge pair ${number} with the next one`, onclick: () => mergeWithNext(index),
        }),
        el('button', {
          type: 'button', class: 'icon-button', 'data-action': 'split', text: 'Split', disabled: total < 2,
          'aria-label': `Split pair ${number} in two`, onclick: () => split(index),
        }))));
    });
    updateBeadSummary();
  }

  function selectedPairs() {
    const origin = $('#align-origin').value.trim() || 'align';
    return alignment.beads.filter((bead) => bead.include && pairable(bead) && !bead.added).map((bead) => ({
      bead,
      pair: {
        ko: bead.ko.map((i) => alignment.ko[i]).join(' '),
        en: bead.en.map((i) => alignment.en[i]).join(' '),
        origin,
      },
    }));
  }

  function updateBeadSummary() {
    const flagged = alignment.beads.filter((bead) => bead.flagged).length;
    const count = selectedPairs().length;
    $('#bead-summary').textContent = `${plural(alignment.beads.length, 'bead')} · ${flagged} flagged · ${count} selected`;
    const button = $('#align-add');
    button.disabled = count === 0;
    button.textContent = count ? `Add ${plural(count, 'pair')} to memory` : 'Add to memory';
  }

  async function addPairs() {
    const selected = selectedPairs();
    if (!selected.length) return;
    const button = $('#align-add');
    button.disabled = true;
    showAlert($('#align-error'), null);
    $('#add-status').textContent = 'Adding…';
    try {
      const answer = await write('POST', '/v1/segments', selected.map((s) => s.pair));
      const stored = (answer && answer.segments) || [];
      const created = stored.filter((s) => s.created).length;
      for (const { bead } of selected) bead.added = true;
      renderBeads();
      const status = $('#add-status');
      status.textContent = `${plural(stored.length, 'pair')} in the memory: ${created} new, ${stored.length - created} already present.`;
      status.classList.add('ok');
      status.dataset.added = String(stored.length);
    } catch (error) {
      $('#add-status').textContent = '';
      showAlert($('#align-error'), error);
      updateBeadSummary();
    }
  }

  function readFileInto(file, target) {
    if (!file) return;
    if (file.size > 64 * 1024 * 1024) {
      showAlert($('#align-error'), new APIError(413, 'too_large', `${file.name} is over 64 MiB.`));
      return;
    }
    file.text().then((text) => {
      $(`#${target}`).value = text;
    }, () => showAlert($('#align-error'), new APIError(0, 'unreadable', `${file.name} could not be read.`)));
  }

  // ---------- Wiring ----------
  function wire() {
    window.addEventListener('hashchange', () => showView(true));
    $('#token-forget').addEventListener('click', () => { forgetToken(); toast('Token forgotten'); });
    $('#token-cancel').addEventListener('click', () => $('#token-dialog').close(''));

    const q = $('#q');
    q.addEventListener('input', () => runSearchSoon());
    q.addEventListener('keydown', onSearchKey);
    $('#search-results').addEventListener('keydown', onResultsKey);
    for (const radio of $$('input[name="kind"]')) radio.addEventListener('change', () => runSearchSoon.now());
    $('#min-score').addEventListener('change', () => runSearchSoon.now());
    $('#add-term').addEventListener('click', () => openTermEditor(null, null));
    $('#term-form').addEventListener('submit', saveTerm);
    $('#term-cancel').addEventListener('click', () => $('#term-dialog').close('cancel'));
    $('#term-delete').addEventListener('click', deleteTerm);

    document.addEventListener('keydown', (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.closest && target.closest('input, textarea, select, dialog, [contenteditable]')) return;
      event.preventDefault();
      if (currentView() !== 'search') location.hash = '#search';
      $('#q').focus();
      $('#q').select();
    });

    $('#draft').addEventListener('input', () => runCheckSoon());
    $('#check-run').addEventListener('click', () => runCheckSoon.now());
    $('#check-copy').addEventListener('click', () => checked && copy(checked.result.corrected, 'the corrected text'));
    $('#check-apply').addEventListener('click', () => {
      if (!checked) return;
      $('#draft').value = checked.result.corrected;
      runCheckSoon.now();
    });

    $('#article-run').addEventListener('click', runArticle);
    $('#article-qa').addEventListener('click', runQA);
    $('#article-copy').addEventListener('click', copyDraft);
    $('#article-xliff').addEventListener('click', downloadXLIFF);

    $('#align-run').addEventListener('click', runAlign);
    $('#align-add').addEventListener('click', addPairs);
    $('#align-texts').addEventListener('click', () => showAlignTexts($('#align-inputs').hidden));
    $('#align-origin').addEventListener('input', () => alignment && updateBeadSummary());
    for (const zone of $$('[data-drop]')) {
      zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
      zone.addEventListener('dragleave', () => zone.classList.remove('over'));
      zone.addEventListener('drop', (event) => {
        event.preventDefault();
        zone.classList.remove('over');
        const file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
        readFileInto(file, zone.dataset.drop);
      });
    }
    for (const picker of $$('input[type="file"][data-target]')) {
      picker.addEventListener('change', () => readFileInto(picker.files[0], picker.dataset.target));
    }
  }

  /**
   * Links can carry the work: ?q= searches, ?draft= checks, ?ko=&en= aligns (?min= sets where beads are flagged),
   * ?article= analyzes an article (with &translation= also checks it).
   */
  function applyParameters() {
    const params = new URLSearchParams(location.search);
    if (params.get('q')) {
      $('#q').value = params.get('q');
      runSearchSoon.now();
    }
    if (params.get('draft')) {
      $('#draft').value = params.get('draft');
      runCheckSoon.now();
    }
    if (params.get('article')) {
      $('#article-ko').value = params.get('article');
      if (params.get('translation')) {
        $('#article-en').value = params.get('translation');
        runQA();
      }
      runArticle();
    }
    if (params.get('min')) $('#align-min').value = params.get('min');
    if (params.get('ko') && params.get('en')) {
      $('#align-ko').value = params.get('ko');
      $('#align-en').value = params.get('en');
      runAlign();
    }
  }

  function start() {
    wire();
    showTokenState();
    const params = new URLSearchParams(location.search);
    if (!location.hash) history.replaceState(null, '', location.pathname + location.search + '#search');
    showView(!params.get('selftest'));
    if (params.get('selftest') === '1') {
      const page = { showView, openTermEditor, seenErrors, get checked() { return checked; } };
      import('./selftest.js').then((module) => module.run(page));
    }
    else applyParameters();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
