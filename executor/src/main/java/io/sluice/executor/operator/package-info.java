/**
 * The operators: one class per operator, each a function from input changes to output
 * changes. Stateless operators (calc, union) emit as changes arrive; stateful ones keep their
 * state in the state tables their plan node declares, reached through {@link
 * io.sluice.executor.operator.OperatorContext}, and some (aggregate, top-N) emit their net
 * changes for an epoch when its barrier arrives. Operators never see how inputs are scheduled or
 * how barriers are aligned.
 */
package io.sluice.executor.operator;
