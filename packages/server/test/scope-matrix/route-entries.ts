import type { Objects, ObjectKind } from './objects.ts';
import type { Location, Need, Place, World } from './world.ts';

export interface BodyContext {
  place: Place;
  world: World;
  objects: Objects;
  /** The object the path names, for id routes. */
  id: string;
  /** A number unique to the case (codes, names). */
  n: number;
}

/**
 * In scope, a write may still be refused by the object's state or the caller's part in it (only
 * the receiving unit accepts a referral): such routes assert only that nobody outside gets in.
 */
export type InScope = 'allowed' | 'party rules';

/** A route naming one object in its path: tried on an object of each place. */
export interface IdEntry {
  kind: 'id';
  object: ObjectKind;
  need: Need;
  /** A new object for every case (the route uses it up or changes it for good). */
  fresh?: boolean;
  inScope?: InScope;
  params?: Record<string, string>;
  /** The path parameter that takes the object's id (default `id`). */
  idParam?: string;
  query?: (place: Place) => string;
  body?: (c: BodyContext) => unknown;
  /** Other kinds of object the same path serves (a FHIR ServiceRequest is a referral or a diagnostic order), each tried the same way. */
  also?: readonly { object: ObjectKind; need: Need }[];
}

/** A route naming its target in the body (a create): tried with a target in each place. */
export interface CreateEntry {
  kind: 'create';
  need: Need;
  /** The target is a unit (`unit`) or the community itself (`community`). */
  target: 'unit' | 'community';
  inScope?: InScope;
  query?: (place: Place) => string;
  body: (c: Omit<BodyContext, 'id'>) => unknown;
  contentType?: string;
}

export interface ListFilter {
  query: string;
  at: Location;
  /** The server narrows the answer to the caller's scope (a community filter on a unit-grain list): only foreign ids count as a leak. */
  narrows?: boolean;
}

/** A list or aggregate: tried with filters naming each place, and checked for foreign ids. */
export interface ListEntry {
  kind: 'list';
  need: Need;
  /** An aggregate (rates, indicators): any answer across the boundary is a leak. */
  aggregate?: boolean;
  filters: (place: Place, objects: Objects) => Promise<ListFilter[]> | ListFilter[];
  /** Item fields naming who acted (a grantee of another community may ask for a record here), left out of the foreign-id check. */
  actorFields?: readonly string[];
}

/** A route with no filter to cross a boundary with: its answer must hold no foreign id. */
export interface UnfilteredEntry {
  kind: 'unfiltered';
  need: Need;
}

export interface ExemptEntry {
  kind: 'exempt';
  reason: string;
}

export type RouteEntry = IdEntry | CreateEntry | ListEntry | UnfilteredEntry | ExemptEntry;
