import { describe, expect, it } from 'vitest';
import { placementKindFromSsd, placementVisiting } from './placement-kinds';

describe('a placement’s regulation 28 kind from the SSD codes', () => {
  it('placed with parents under an interim care order or a full care order', () => {
    expect(placementKindFromSsd('P1', ['C1'])).toEqual({
      kind: 'interim_care_order_at_home',
      longTerm: false,
    });
    expect(placementKindFromSsd('P1', ['C2'])).toEqual({ kind: 'care_order_at_home', longTerm: false });
  });

  it('placed with parents under section 20, or a care order child in foster care, is an ordinary placement', () => {
    expect(placementKindFromSsd('P1', ['V2'])).toEqual({ kind: null, longTerm: false });
    expect(placementKindFromSsd('U6', ['C2'])).toEqual({ kind: null, longTerm: false });
    expect(placementKindFromSsd(null, [])).toEqual({ kind: null, longTerm: false });
  });

  it('short breaks from the legal status; long term from the long-term foster types', () => {
    expect(placementKindFromSsd('U6', ['V3'])).toEqual({ kind: 'short_breaks', longTerm: false });
    expect(placementKindFromSsd('K2', ['V4'])).toEqual({ kind: 'short_breaks', longTerm: false });
    expect(placementKindFromSsd('U4', ['C2'])).toEqual({ kind: null, longTerm: true });
    expect(placementKindFromSsd('U1', [])).toEqual({ kind: null, longTerm: true });
  });
});

describe('the kind the engine uses', () => {
  it('is the one set by hand, over the codes, including "ordinary" and long term', () => {
    expect(placementVisiting('P1', ['C2'], { kind: 'ordinary', longTerm: false })).toEqual({
      kind: null,
      longTerm: false,
      source: 'set',
    });
    expect(placementVisiting('U6', [], { kind: 'connected_person_temporary', longTerm: false })).toEqual({
      kind: 'connected_person_temporary',
      longTerm: false,
      source: 'set',
    });
    expect(placementVisiting('U6', [], { kind: 'ordinary', longTerm: true })).toMatchObject({
      longTerm: true,
    });
  });

  it('falls back to the codes when nothing (or an unknown kind) was set', () => {
    expect(placementVisiting('P1', ['C1'], null)).toEqual({
      kind: 'interim_care_order_at_home',
      longTerm: false,
      source: 'ssd',
    });
    expect(placementVisiting('P1', ['C1'], { kind: 'retired_kind', longTerm: true })).toMatchObject({
      source: 'ssd',
    });
  });
});
