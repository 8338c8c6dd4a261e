// tm web page: the Align view — a Korean text and its English version aligned sentence by sentence (POST /v1/align),
// the pairs reviewed, merged or split, and the chosen ones added to the memory (POST /v1/segments); a text file
// dropped or picked is read into its box.
import { $, el, plural } from './dom.js';
import { APIError, api, write, showAlert } from './api.js';

let alignment = null;

export async function runAlign() {
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

export function showAlignTexts(show) {
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

export async function addPairs() {
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

export function readFileInto(file, target) {
  if (!file) return;
  if (file.size > 64 * 1024 * 1024) {
    showAlert($('#align-error'), new APIError(413, 'too_large', `${file.name} is over 64 MiB.`));
    return;
  }
  file.text().then((text) => {
    $(`#${target}`).value = text;
  }, () => showAlert($('#align-error'), new APIError(0, 'unreadable', `${file.name} could not be read.`)));
}

/** The origin the pairs are stored under changed: the summary's count of pairs to add follows. */
export function originChanged() {
  if (alignment) updateBeadSummary();
}
