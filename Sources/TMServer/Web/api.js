// tm web page: the HTTP API client and the write token kept for the browser session.

import { $, el } from './dom.js';

export class APIError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

export const TOKEN_KEY = 'tm.token';
export const storedToken = () => {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch (_) {
    return null;
  }
};

/** One request; the API's `{"error":{code,message,field}}` becomes an APIError. */
export async function api(method, path, body, { signal, authorize = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = storedToken();
  if (authorize && token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new APIError(0, 'network', 'The server could not be reached. Is tm serve still running?');
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (_) {
    data = null;
  }
  if (!response.ok) {
    const error = (data && data.error) || {};
    throw new APIError(response.status, error.code || `http_${response.status}`, error.message || `HTTP ${response.status}`, error.field);
  }
  return data;
}

/** A write: sends the token kept for this tab; on 401/403 asks for one and tries again. */
export async function write(method, path, body) {
  for (;;) {
    try {
      return await api(method, path, body, { authorize: true });
    } catch (error) {
      if (!(error instanceof APIError) || (error.status !== 401 && error.status !== 403)) throw error;
      const reason = error.status === 403
        ? 'The server refused that token. Enter the right one to save.'
        : 'This server asks for a token before it changes anything.';
      if (error.status === 403) forgetToken();
      const token = await askToken(reason);
      if (!token) throw new APIError(error.status, 'cancelled', 'Not saved: no token given.');
      try {
        sessionStorage.setItem(TOKEN_KEY, token);
      } catch (_) {
        /* storage refused: the request below still carries nothing; ask again next time */
      }
      showTokenState();
    }
  }
}

export function describe(error) {
  if (!(error instanceof APIError)) return String(error && error.message ? error.message : error);
  const field = error.field ? ` (field: ${error.field})` : '';
  return `${error.message}${field}`;
}

export function showAlert(node, error) {
  if (!error) {
    node.hidden = true;
    node.textContent = '';
    return;
  }
  node.hidden = false;
  node.replaceChildren(document.createTextNode(describe(error)), ' ');
  if (error instanceof APIError && error.code) node.append(el('code', { text: error.code }));
}

// ---------- Token ----------
export function showTokenState() {
  $('#token-state').hidden = !storedToken();
}

export function forgetToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch (_) {
    /* nothing kept */
  }
  showTokenState();
}

export function askToken(reason) {
  const dialog = $('#token-dialog');
  const input = $('#token-input');
  $('#token-reason').textContent = reason;
  input.value = '';
  return new Promise((resolve) => {
    const finish = (value) => {
      dialog.removeEventListener('close', onClose);
      resolve(value);
    };
    const onClose = () => finish(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null);
    dialog.addEventListener('close', onClose);
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
}
