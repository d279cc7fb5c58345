/**
 * The statements side of the contract as the UI uses it: finding statements, an article's
 * statements, the analyst's corrections, and people for the speaker autocomplete.
 */
import type { Person, Statement, StatementKind, StatementQuery, StatementStatus } from '../../../shared/types';
import { call } from '../api';

export type { Person, Statement, StatementKind, StatementStatus };

/** Statements matching a filter, newest first. */
export function findStatements(filter: StatementQuery): Promise<{ total: number; statements: Statement[]; notice?: string }> {
  return call('statements.query', filter);
}

/** The statements of one article, in text order. */
export async function articleStatements(articleId: number): Promise<Statement[]> {
  return (await call('statements.forArticle', { articleId })).statements;
}

/** People whose name or an alias starts with (or nearly spells) `prefix`, for autocomplete. */
export async function suggestPeople(prefix: string, limit = 8): Promise<Person[]> {
  return (await call('people.search', { prefix, limit })).people;
}

/** Who the analyst named: a person picked from the list, or a name typed. */
export type SpeakerChoice = { personId: number } | { name: string };
