import type { AppError, LocatedProblem } from '../../core/result';
import { formatCount } from '../common/format';

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

/** The file's sections in people's words (the keys are the file's own; users never see them). */
const SECTION_LABELS: Record<string, string> = {
  backup_info: 'File header',
  export_info: 'File header',
  brokerages: 'Brokerages',
  brokerage_configurations: 'Configurations',
  customer_mappings: 'Configurations',
  upload_history: 'Upload history',
  processing_errors: 'Processing errors',
  configuration_changes: 'Configuration changes',
  activity_log: 'Activity log',
};

/** "Configurations, row 3, field “auth_type”" (the field keeps its name: it is what the file says). */
function describeLocation(problem: LocatedProblem): string {
  const section = SECTION_LABELS[problem.section] ?? problem.section;
  const row = problem.row === undefined ? '' : `, row ${problem.row + 1}`;
  const field = problem.field === undefined ? '' : `, field “${problem.field}”`;
  return `${section}${row}${field}`;
}
