import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en, vi } from '../../i18n/features/health';
import type { Translate } from '../../i18n/i18n';
import { ticketNoteText } from './format';

const translator = (dict: Record<string, string>): Translate => (key) => dict[key] ?? key;

test('a ticket status change reads in the reader language; other notes stay as written', () => {
  const note = { kind: 'status', text: 'in_progress -> fixed: Đã vệ sinh ống kính.' };
  assert.equal(ticketNoteText(translator(vi), note), 'Đang sửa → Đã sửa, chờ kiểm tra: Đã vệ sinh ống kính.');
  assert.equal(ticketNoteText(translator(en), { kind: 'status', text: 'open -> in_progress' }), 'Open → In progress');
  // A note that only looks like a change, or names an unknown status, is left alone.
  assert.equal(ticketNoteText(translator(vi), { kind: 'note', text: 'open -> fixed' }), 'open -> fixed');
  assert.equal(ticketNoteText(translator(vi), { kind: 'status', text: 'open -> gone' }), 'open -> gone');
});
