// tm web page: the Check view — a draft checked against the house style (POST /v1/glossary/check), each off-style
// name marked with its house form, and the corrected text to copy or apply.
import { $, el, scalars, plural, debounce, copy } from './dom.js';
import { api, showAlert } from './api.js';

let checked = null;
let checkSequence = 0;

export const runCheckSoon = debounce(runCheck, 500);

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

/** The last draft checked and the server's answer (`{ text, result }`), or null; the self-test reads it. */
export function checkedDraft() {
  return checked;
}

export function copyCorrected() {
  if (checked) copy(checked.result.corrected, 'the corrected text');
}

/** Puts the corrected text in the draft box and checks it again. */
export function applyCorrected() {
  if (!checked) return;
  $('#draft').value = checked.result.corrected;
  runCheckSoon.now();
}
