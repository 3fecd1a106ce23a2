// Input safety: ids are checked against the spec's own parameter rules (derived into
// generated/client.ts) before anything is sent. Both patterns admit only [A-Za-z0-9_-], so no
// accepted value can add a path segment, a dot segment, a query or a fragment.
import { operations } from '../generated/client.ts';
import { ValidationError } from './errors.ts';

type Rule = { in: string; pattern: string; minLength: number; maxLength: number };

function compile(rule: Rule) {
  return { ...rule, regex: new RegExp(rule.pattern) };
}
type Compiled = ReturnType<typeof compile>;

function show(value: string): string {
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${shown} (${value.length} characters)`;
}

function check(field: string, rule: Compiled, value: unknown, format: string): string {
  if (typeof value !== 'string') throw new ValidationError(field, `must be a string, got ${value === null ? 'null' : typeof value}`);
  if (value.length < rule.minLength || value.length > rule.maxLength || !rule.regex.test(value)) {
    throw new ValidationError(field, `must be ${format}; got ${show(value)}`);
  }
  return value;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
type PathRule = { name: string; field: string; rule: Compiled };
const PATH_RULES = new Map<string, PathRule[]>(
  Object.values(operations).map((op): [string, PathRule[]] => [
    op.path,
    Object.entries(op.parameters as Record<string, Rule>)
      .filter(([, rule]) => rule.in === 'path')
      .map(([name, rule]) => ({ name, field: camel(name), rule: compile(rule) })),
  ]),
);

// The typed call's two ids, compiled once with every other path rule above.
const deleteRules = new Map(PATH_RULES.get(operations.deleteProcessorTask.path)!.map((r) => [r.name, r.rule]));
const PROJECT_RULE = deleteRules.get('project_id')!;
const TASK_RULE = deleteRules.get('task_id')!;

export function validateProjectId(value: unknown): string {
  return check('projectId', PROJECT_RULE, value, '32 lowercase letters and digits');
}

export function validateTaskId(value: unknown): string {
  return check('taskId', TASK_RULE, value, `1 to ${TASK_RULE.maxLength} ASCII letters, digits, "_" or "-"`);
}

/**
 * Checks the path parameters of a call made through the raw client against the spec's rules
 * for that path template, so `client.raw` cannot be steered to another resource either
 * (openapi-fetch encodes `/` but leaves `.` and `..`, which URL parsing then resolves).
 */
export function validatePathParams(schemaPath: string, values: Record<string, unknown> | undefined): void {
  for (const { name, field, rule } of PATH_RULES.get(schemaPath) ?? []) {
    check(field, rule, values?.[name], `a string matching ${rule.pattern}`);
  }
}

// setTimeout fires at once (after a warning) for delays above 2^31 - 1 ms, which would turn a
// generous timeout into an immediate one.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A positive finite number of milliseconds that a timer can hold, or the default. */
export function validateDuration(field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    const got = typeof value === 'number' ? String(value) : typeof value;
    throw new ValidationError(field, `must be a number of milliseconds above 0 and at most ${MAX_TIMER_MS}, got ${got}`);
  }
  return value;
}
