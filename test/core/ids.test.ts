import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { naturalIds, normaliseName, shortId, uuidv5, uuidv7Source, uuidv7Time } from '../../src-main/core/ids.js';

describe('ids', () => {
  it('makes RFC 9562 version-7 ids that carry their time and sort in creation order', () => {
    let now = 1_764_000_000_000;
    const source = uuidv7Source(() => now);
    const ids = Array.from({ length: 5000 }, (_, i) => {
      if (i % 1000 === 0) now += 1;
      return source.newId();
    });
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids, 'ids made later sort later, even within one millisecond');
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(uuidv7Time(ids[0] ?? ''), 1_764_000_000_001);
  });

  it('keeps order when the wall clock steps back', () => {
    let now = 2_000;
    const source = uuidv7Source(() => now);
    const first = source.newId();
    now = 1_000;
    assert.ok(source.newId() > first);
  });

  it('gives a client the same id on every machine, whatever the case or spacing', () => {
    assert.equal(naturalIds.client('Dataforth'), naturalIds.client('  dataforth '));
    assert.equal(naturalIds.client('Data  Forth'), naturalIds.client('data forth'));
    assert.notEqual(naturalIds.client('Dataforth'), naturalIds.client('Dataforth2'));
    assert.notEqual(naturalIds.project(naturalIds.client('A'), 'DNS'), naturalIds.project(naturalIds.client('B'), 'DNS'));
    assert.equal(normaliseName(' ACME   Corp '), 'acme corp');
  });

  it('computes UUIDv5 as RFC 9562 defines it (checked against an independent SHA-1)', () => {
    const namespace = '6ba7b810-9dad-11d1-80b4-00c04fd430c8'; // the RFC's DNS namespace
    const expected = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update('www.example.com').digest('hex');
    const id = uuidv5('www.example.com', namespace);
    assert.equal(id, '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    assert.equal(id.replace(/-/g, '').slice(0, 12), expected.slice(0, 12));
  });

  it('shows the random tail of an id as its short form', () => {
    assert.equal(shortId('0193a1b2-c3d4-7e5f-8a9b-0123456789ab'), '456789ab');
  });
});
