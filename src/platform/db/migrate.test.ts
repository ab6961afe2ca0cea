import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate';

describe('splitStatements', () => {
  it('splits on semicolons at line ends, drops comments, keeps dollar-quoted bodies whole', () => {
    const script = [
      '-- a comment',
      'CREATE TABLE a (x int);',
      '',
      'CREATE FUNCTION f() RETURNS int AS $$',
      'BEGIN',
      '  RETURN 1;',
      'END;',
      '$$ LANGUAGE plpgsql;',
      'CREATE INDEX i ON a (x);',
    ].join('\n');
    expect(splitStatements(script)).toEqual([
      'CREATE TABLE a (x int);',
      'CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;',
      'CREATE INDEX i ON a (x);',
    ]);
  });
});
