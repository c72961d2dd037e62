/*
 * Sluice's own statements. Query text (SELECT, INSERT, UPDATE, DELETE, view bodies) is not
 * parsed here: the rules below only find where it starts, and SluiceParser hands it to
 * Calcite's SQL parser, so that ad-hoc and continuous queries share one dialect.
 */
grammar SluiceSql;

options { caseInsensitive = true; }

statement
    : body SEMI* EOF
    ;

body
    : createTable
    | dropTable
    | createIndex
    | dropIndex
    | createView
    | dropView
    | show
    | describe
    | checkpoint
    | exportCheckpoint
    | alterSystem
    | setOption
    | resetOption
    | explain
    | query
    ;

createTable
    : CREATE TABLE (IF NOT EXISTS)? qualifiedName
      LPAREN tableElement (COMMA tableElement)* RPAREN withOptions?
    ;

tableElement
    : columnDefinition
    | primaryKeyConstraint
    | uniqueConstraint
    ;

columnDefinition
    : identifier dataType columnConstraint*
    ;

columnConstraint
    : NOT NULL                               # notNullConstraint
    | NULL                                   # nullConstraint
    | PRIMARY KEY                            # columnPrimaryKey
    | UNIQUE                                 # columnUnique
    | DEFAULT defaultValue                   # defaultConstraint
    ;

defaultValue
    : (PLUS | MINUS)? number
    | STRING
    | TRUE
    | FALSE
    | NULL
    | CURRENT_DATE
    | CURRENT_TIME
    | CURRENT_TIMESTAMP
    | (DATE | TIME | TIMESTAMP) STRING
    ;

primaryKeyConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY LPAREN identifier (COMMA identifier)* RPAREN
    ;

uniqueConstraint
    : (CONSTRAINT name=identifier)? UNIQUE LPAREN identifier (COMMA identifier)* RPAREN
    ;

createIndex
    : CREATE UNIQUE? INDEX (IF NOT EXISTS)? name=identifier ON qualifiedName
      LPAREN indexColumn (COMMA indexColumn)* RPAREN
    ;

indexColumn
    : identifier (ASC | DESC)?
    ;

dropIndex
    : DROP INDEX (IF EXISTS)? qualifiedName
    ;

dataType
    : (BOOLEAN | BOOL)                                            # booleanType
    | TINYINT                                                     # tinyintType
    | (SMALLINT | INT2)                                           # smallintType
    | (INTEGER | INT | INT4)                                      # integerType
    | (BIGINT | INT8)                                             # bigintType
    | (DECIMAL | NUMERIC | DEC)
      (LPAREN precision=INTEGER_VALUE (COMMA scale=INTEGER_VALUE)? RPAREN)?   # decimalType
    | (REAL | FLOAT4)                                             # realType
    | (DOUBLE PRECISION? | FLOAT | FLOAT8)                        # doubleType
    | (VARCHAR | CHARACTER VARYING | CHAR VARYING)
      (LPAREN length=INTEGER_VALUE RPAREN)?                       # varcharType
    | (TEXT | STRING_TYPE)                                        # textType
    | (CHAR | CHARACTER) (LPAREN length=INTEGER_VALUE RPAREN)?    # charType
    | DATE                                                        # dateType
    | TIME                                                        # timeType
    | TIMESTAMP                                                   # timestampType
    ;

withOptions
    : WITH LPAREN option (COMMA option)* RPAREN
    ;

option
    : key=optionKey EQ value=optionValue
    ;

optionKey
    : optionPart (DOT optionPart)*
    | STRING
    ;

// A part of a setting's name: a keyword such as VIEW may be one.
optionPart
    : identifier
    | VIEW
    | TABLE
    ;

optionValue
    : STRING
    | (PLUS | MINUS)? number unit=identifier?
    | TRUE
    | FALSE
    | identifier
    ;

dropTable
    : DROP TABLE (IF EXISTS)? qualifiedName
    ;

createView
    : CREATE (OR REPLACE)? MATERIALIZED? VIEW (IF NOT EXISTS)? qualifiedName
      (LPAREN identifier (COMMA identifier)* RPAREN)?
      AS queryText
    ;

dropView
    : DROP MATERIALIZED? VIEW (IF EXISTS)? qualifiedName
    ;

show
    : SHOW TABLES                                # showTables
    | SHOW MATERIALIZED? VIEWS                   # showViews
    | SHOW CHECKPOINTS                           # showCheckpoints
    | SHOW ALL                                   # showAllOptions
    | SHOW optionKey                             # showOption
    ;

describe
    : (DESCRIBE | DESC) qualifiedName
    ;

checkpoint
    : CHECKPOINT
    ;

exportCheckpoint
    : EXPORT CHECKPOINT id=INTEGER_VALUE TO directory=STRING
    ;

alterSystem
    : ALTER SYSTEM SET optionKey (EQ | TO) optionValue     # alterSystemSet
    | ALTER SYSTEM RESET optionKey                         # alterSystemReset
    ;

setOption
    : SET optionKey (EQ | TO) optionValue
    ;

resetOption
    : RESET (optionKey | ALL)
    ;

explain
    : EXPLAIN (PLAN FOR)? MATERIALIZED VIEW qualifiedName   # explainView
    | EXPLAIN (PLAN FOR)? createView                        # explainCreateView
    | EXPLAIN (PLAN FOR)? queryText                         # explainQuery
    ;

// A statement for Calcite: it starts with one of these tokens and runs to the end.
query
    : (SELECT | WITH | VALUES | INSERT | UPSERT | UPDATE | DELETE | MERGE | LPAREN | TABLE) .*?
    ;

// Query text inside a Sluice statement: every token up to the end.
queryText
    : .+?
    ;

qualifiedName
    : identifier (DOT identifier)*
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReserved
    ;

number
    : INTEGER_VALUE
    | DECIMAL_VALUE
    ;

// Keywords that may still name a table or column.
nonReserved
    : ALL | BIGINT | BOOLEAN | CHECKPOINT | CHECKPOINTS | DATE | DEC | DECIMAL | DESCRIBE
    | DOUBLE | FLOAT | INT | INTEGER | KEY | MATERIALIZED | NUMERIC | PLAN | PRECISION | REAL
    | REPLACE | RESET | SHOW | SMALLINT | STRING_TYPE | TABLES | TEXT | TIME | TIMESTAMP
    | TINYINT | VARYING | VIEWS | CHARACTER | MERGE | UPSERT | EXPLAIN | INDEX | ASC
    | EXPORT | SYSTEM | BOOL | INT2 | INT4 | INT8 | FLOAT4 | FLOAT8
    ;

ALL: 'ALL';
ALTER: 'ALTER';
AS: 'AS';
ASC: 'ASC';
BIGINT: 'BIGINT';
BOOL: 'BOOL';
BOOLEAN: 'BOOLEAN';
CHAR: 'CHAR';
CHARACTER: 'CHARACTER';
CHECKPOINT: 'CHECKPOINT';
CHECKPOINTS: 'CHECKPOINTS';
CONSTRAINT: 'CONSTRAINT';
CREATE: 'CREATE';
CURRENT_DATE: 'CURRENT_DATE';
CURRENT_TIME: 'CURRENT_TIME';
CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP';
DATE: 'DATE';
DEC: 'DEC';
DECIMAL: 'DECIMAL';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DESCRIBE: 'DESCRIBE';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXPORT: 'EXPORT';
FALSE: 'FALSE';
FLOAT: 'FLOAT';
FLOAT4: 'FLOAT4';
FLOAT8: 'FLOAT8';
FOR: 'FOR';
IF: 'IF';
INDEX: 'INDEX';
INSERT: 'INSERT';
INT: 'INT';
INT2: 'INT2';
INT4: 'INT4';
INT8: 'INT8';
INTEGER: 'INTEGER';
KEY: 'KEY';
MATERIALIZED: 'MATERIALIZED';
MERGE: 'MERGE';
NOT: 'NOT';
NULL: 'NULL';
NUMERIC: 'NUMERIC';
ON: 'ON';
OR: 'OR';
PLAN: 'PLAN';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
REAL: 'REAL';
REPLACE: 'REPLACE';
RESET: 'RESET';
SELECT: 'SELECT';
SET: 'SET';
SHOW: 'SHOW';
SMALLINT: 'SMALLINT';
STRING_TYPE: 'STRING';
SYSTEM: 'SYSTEM';
TABLE: 'TABLE';
TABLES: 'TABLES';
TEXT: 'TEXT';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TINYINT: 'TINYINT';
TO: 'TO';
TRUE: 'TRUE';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
UPSERT: 'UPSERT';
VALUES: 'VALUES';
VARCHAR: 'VARCHAR';
VARYING: 'VARYING';
VIEW: 'VIEW';
VIEWS: 'VIEWS';
WITH: 'WITH';

LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';
SEMI: ';';
EQ: '=';
PLUS: '+';
MINUS: '-';

STRING: '\'' ( ~'\'' | '\'\'' )* '\'';
QUOTED_IDENTIFIER: '"' ( ~'"' | '""' )* '"';
INTEGER_VALUE: [0-9]+;
DECIMAL_VALUE: [0-9]+ '.' [0-9]* | '.' [0-9]+;
IDENTIFIER: [A-Z_] [A-Z0-9_$]*;

LINE_COMMENT: '--' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
WS: [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else belongs to query text, which Calcite reads.
OTHER: .;
