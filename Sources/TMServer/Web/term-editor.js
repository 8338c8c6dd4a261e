// tm web page: the glossary term editor — a dialog that reads (GET /v1/glossary/terms/{id}), adds (POST
// /v1/glossary/terms), changes (PUT /v1/glossary/terms/{id}) and deletes (DELETE /v1/glossary/terms/{id}) an entry,
// then searches again.
import { $, $$, isHangul, toast } from './dom.js';
import { APIError, api, write, showAlert } from './api.js';
import { runSearchSoon, latestLookup } from './search.js';

let editingID = null;
/** Set after the server answered 409: the next save adds the term beside the entries it named (a homonym). */
let savingAsHomonym = false;

export async function openTermEditor(id, seed) {
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
    const lookup = latestLookup();
    const top = lookup && lookup.matches && lookup.matches.find((match) => match.generated);
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

export async function saveTerm(event) {
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
export async function deleteTerm() {
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
