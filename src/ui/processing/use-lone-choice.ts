import { useEffect, useRef } from 'react';

/**
 * Picks the only option there is — the one brokerage, then its one configuration — once, when
 * nothing is chosen yet: a new user with one of each goes straight to choosing the file. A choice
 * the user undoes is not made again for them.
 */
export function useLoneChoice<T>(options: readonly T[] | null, isChosen: boolean, choose: (option: T) => void): void {
  const hasChosen = useRef(false);
  const chooseRef = useRef(choose);
  chooseRef.current = choose;
  const [only] = options ?? [];
  const isLone = options?.length === 1;
  useEffect(() => {
    if (hasChosen.current || isChosen || !isLone || only === undefined) return;
    hasChosen.current = true;
    chooseRef.current(only);
  }, [isLone, only, isChosen]);
}
