/**
 * A figure's role: a target (a goal or plan), an actual (achieved, reported) figure, or unknown.
 * The extractor decides it; the user may correct it. Display names live in the catalogue
 * (`common.role.<role>`).
 */
export { ROLES, type Role } from '../extract/types';
import { ROLES, type Role } from '../extract/types';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
