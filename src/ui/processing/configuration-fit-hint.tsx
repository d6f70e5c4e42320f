import type { BetterFit, ConfigurationFit } from '../../core/csv/configuration-fit';

/**
 * The first thing said about a file that shares few columns with the chosen configuration: it
 * may belong to another one — with the configurations whose columns fit better, each one click
 * away (the file stays read).
 */
export function ConfigurationFitHint({
  fit,
  configurationName,
  onUse,
}: {
  fit: ConfigurationFit;
  configurationName: string;
  onUse: (better: BetterFit) => void;
}) {
  if (!fit.isLikelyWrong) return null;
  return (
    <section role="alert" className="card notice-warning" aria-label="Configuration check">
      <p>
        <strong>This file may belong to another configuration.</strong>{' '}
        {`It has ${fit.shared} of the ${fit.known} columns “${configurationName}” knows.`}
      </p>
      {fit.better.length > 0 ? (
        <>
          <p>These configurations know its columns better:</p>
          <ul className="better-configurations">
            {fit.better.map((better) => (
              <li key={better.id}>
                <button type="button" className="primary" onClick={() => onUse(better)}>
                  Use {better.brokerageName} / {better.configurationName}
                </button>{' '}
                <span className="caption">
                  ({better.shared} of its {better.known} columns are in the file)
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="caption">
          No other configuration knows its columns better: check the brokerage, or set this one up for the file on
          purpose.
        </p>
      )}
    </section>
  );
}
