/**
 * The shape of a scenario file (`scenarios/*.yaml`), as a zod schema. Values stay
 * text here (YAML numbers are kept as written, so `0.10` is never a float); the
 * reader turns shares, amounts and factors into exact decimals and checks ranges.
 * Reference with examples: docs/scenarios.md.
 */
import { z } from 'zod';
import { TABLE_IDS } from '../model/index.js';

const text = z.string({ error: 'must be text' });
const lines = z.union([text, z.array(text).min(1, 'list at least one line id')], { error: 'must be a line id, a list of line ids, or "*"' });
/** Tables an adjustment can target: every table with lines of its own (not the cross-table totals all-costs / all-savings). */
const TARGETABLE = TABLE_IDS.filter((id) => !id.startsWith('all-'));
// The cross-table ids pass here so that the engine can explain them ("a cross-table total … target X or Y").
const table = z.enum(TABLE_IDS, { error: `must be one of ${TARGETABLE.join(', ')}` });

/** A value: a number as written, or a distribution (drivers only). */
const distribution = z.union([
  z.strictObject({ uniform: z.tuple([text, text], { error: 'uniform takes [min, max]' }) }),
  z.strictObject({ triangular: z.tuple([text, text, text], { error: 'triangular takes [min, mode, max]' }) }),
  z.strictObject({ pert: z.tuple([text, text, text], { error: 'pert takes [min, mode, max]' }) }),
  z.strictObject({ bernoulli: z.strictObject({ p: text, value: text }) }),
], { error: 'must be a distribution: { uniform: [min, max] }, { triangular: [min, mode, max] }, { pert: [min, mode, max] } or { bernoulli: { p: 30%, value: 100% } }' });

const common = { name: text.optional(), table, lines };

/** The fields of each adjustment kind (values as text or, for drivers, distributions). */
function adjustmentShapes<V extends z.ZodType>(value: V) {
  return [
    z.strictObject({ kind: z.literal('slip'), ...common, from: z.enum(['2020/21', '2021/24'], { error: 'must be 2020/21 or 2021/24' }).optional(), to: z.enum(['2021/24', '2020/21', 'lost'], { error: 'must be 2021/24, 2020/21 or lost' }).optional(), share: value.optional(), amount: value.optional() }),
    z.strictObject({ kind: z.literal('reclassify'), ...common, from: z.enum(['delayed-wholly', 'delayed-partly', 'not-deliverable'], { error: 'must be delayed-wholly, delayed-partly or not-deliverable' }), to: z.enum(['delayed-wholly', 'delayed-partly', 'not-deliverable'], { error: 'must be delayed-wholly, delayed-partly or not-deliverable' }), share: value.optional(), amount: value.optional() }),
    z.strictObject({ kind: z.literal('outturn'), ...common, scale: value.optional(), set: value.optional() }),
  ] as const;
}

/** One fixed adjustment. */
export const adjustmentSchema = z.discriminatedUnion('kind', adjustmentShapes(text), { error: 'kind must be slip, reclassify or outturn' });

const driverShapes = adjustmentShapes(distribution).map((shape) => shape.extend({ name: text, each: z.boolean({ error: 'must be true or false' }).optional() }));

/** One driver: an adjustment whose value is a distribution, with a required name. */
export const driverSchema = z.discriminatedUnion('kind', driverShapes as unknown as [typeof driverShapes[0], typeof driverShapes[1], typeof driverShapes[2]], { error: 'kind must be slip, reclassify or outturn' });

/** A scenario file. */
export const scenarioFileSchema = z.strictObject({
  name: text.optional(),
  description: text.optional(),
  extends: text.optional(),
  adjustments: z.array(adjustmentSchema, { error: 'must be a list of adjustments' }).optional(),
  drivers: z.array(driverSchema, { error: 'must be a list of drivers' }).optional(),
  correlation: z.strictObject({
    drivers: z.array(text).min(2, 'name at least two drivers'),
    matrix: z.array(z.array(text)),
  }).optional(),
});

/** A scenario file as the schema accepts it (values still text). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
/** A fixed adjustment as written. */
export type AdjustmentEntry = z.infer<typeof adjustmentSchema>;
/** A driver as written. */
export type DriverEntry = z.infer<typeof driverSchema>;
/** A distribution as written. */
export type DistributionEntry = z.infer<typeof distribution>;

const ADJUSTMENT_KINDS = ['slip', 'reclassify', 'outturn'] as const;
const DISTRIBUTION_KEYS = ['uniform', 'triangular', 'pert', 'bernoulli'] as const;

/** The keys an object at `path` may have, given the file's parsed value (an entry's `kind` decides its keys). */
function keysOfEntry(entry: unknown, driver: boolean): readonly string[] {
  const kind = (entry as { kind?: unknown } | null)?.kind;
  const shapes = driver ? driverShapes : adjustmentShapes(text);
  const index = ADJUSTMENT_KINDS.indexOf(kind as (typeof ADJUSTMENT_KINDS)[number]);
  const chosen = index >= 0 ? [shapes[index]!] : [...shapes];
  return [...new Set(chosen.flatMap((shape) => Object.keys(shape.shape)))];
}

/**
 * The valid keys of the object at `path` in a scenario file whose parsed contents are
 * `value` (for "did you mean …?" when a key is unknown): the file's top-level keys, an
 * adjustment's or driver's fields (for its `kind`, or every kind's when it has none),
 * `correlation`'s, a distribution's names, `bernoulli`'s `p` and `value`. Empty when
 * the path is not an object the schema describes.
 */
export function validKeysAt(path: readonly (string | number)[], value: unknown): readonly string[] {
  const at = (steps: readonly (string | number)[]): unknown =>
    steps.reduce<unknown>((node, step) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined), value);
  if (path.length === 0) return Object.keys(scenarioFileSchema.shape);
  if (path.length === 1 && path[0] === 'correlation') return ['drivers', 'matrix'];
  if (path.length === 2 && (path[0] === 'adjustments' || path[0] === 'drivers')) return keysOfEntry(at(path), path[0] === 'drivers');
  if (path.length === 3 && path[0] === 'drivers') return DISTRIBUTION_KEYS;
  if (path.length === 4 && path[0] === 'drivers' && path[3] === 'bernoulli') return ['p', 'value'];
  return [];
}
