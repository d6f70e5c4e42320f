import type { AppError, LocatedProblem } from '../../core/result';
import { formatCount } from '../shared/format';

/** The located problems of a refused file: the first ones in full, then how many more. */
export function ProblemList({ error }: { error: AppError }) {
  const problems = error.problems ?? [];
  return (
    <>
      <ul className="problem-list">
        {problems.map((problem, index) => (
          <li key={index}>
            <span className="problem-where">{describeLocation(problem)}</span>: {problem.message}
          </li>
        ))}
      </ul>
      {error.moreProblems ? <p>…and {formatCount(error.moreProblems)} more problems.</p> : null}
    </>
  );
}

function describeLocation(problem: LocatedProblem): string {
  const row = problem.row === undefined ? '' : `, row ${problem.row + 1}`;
  const field = problem.field === undefined ? '' : `, field “${problem.field}”`;
  return `${problem.section}${row}${field}`;
}
