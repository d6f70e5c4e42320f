import type { KeyRing } from '../../core/lock/key-ring';
import { recordPolicy, type RecordPolicy } from '../../core/lock/record-policy';
import type { LockPhase } from '../../core/lock/lock-header';
import {
  isSealedRecord,
  openRecord,
  sealRecord,
  sealedKeyId,
  type RecordToSeal,
  type RecordMetadata,
  type OpenFailure,
} from '../../core/lock/sealed-record';

/** Prefix of a record handed on unopened while a damaged store is set aside. */
export const UNOPENABLE_MARK = new TextEncoder().encode('FF2API-UNOPENABLE-RECORD\n');

/** A stored record that may not be opened: sealed and tampered with, or plain where it must be sealed. */
export class SealedRecordError extends Error {
  constructor(
    readonly slot: string,
    readonly failure: OpenFailure | 'locked' | 'plain-refused',
  ) {
    super(`Stored record ${slot} refused: ${failure}`);
    this.name = 'SealedRecordError';
  }
}

/**
 * The worker's one holder of the lock's keys, in memory only, and the policy of the lock's
 * current phase. Every store that keeps records at rest (the live database, and snapshots at
 * merge) seals and opens through it, so "forget the key" is one call.
 */
export class RecordCipher {
  private phase: LockPhase | 'off' = 'off';
  private ring: KeyRing | null = null;
  private isSettingAside = false;

  /**
   * After the user chose to set a damaged store aside: a record that cannot be opened is handed
   * on wrapped (UNOPENABLE_MARK + the stored bytes, untouched), which no reader can open, so the
   * caller's "could not open" path keeps it aside and starts empty — a plain record put in place
   * of a sealed one is never opened as data.
   */
  setDamagedAside(isOn: boolean): void {
    this.isSettingAside = isOn;
  }

  /** Sets the lock's phase and (when unlocked) its keys. */
  use(phase: LockPhase | 'off', ring: KeyRing | null): void {
    this.phase = phase;
    this.ring = phase === 'off' ? null : ring;
  }

  /** Drops the keys: nothing sealed can be opened or written until `use` is called again. */
  forget(): void {
    this.ring = null;
  }

  get policy(): RecordPolicy {
    return recordPolicy(this.phase);
  }

  /** Whether the lock is on and its keys are held. */
  get isUnlocked(): boolean {
    return this.phase !== 'off' && this.ring !== null;
  }

  /** The bytes to store for a record: sealed with the current key, or plain when the phase says so. */
  async toStored(slot: string, record: RecordToSeal): Promise<Uint8Array> {
    if (!this.policy.seals) return record.bytes;
    if (!this.ring) throw new SealedRecordError(slot, 'locked');
    return sealRecord(this.ring, slot, record);
  }

  /**
   * The record's plain bytes from what is stored. With the lock off, sealed bytes are handed on
   * as they are: nothing here can open them, and the caller's "could not open" path keeps them.
   */
  async fromStored(slot: string, stored: Uint8Array, metadata: RecordMetadata): Promise<Uint8Array> {
    if (!this.isSettingAside) return this.open(slot, stored, metadata);
    try {
      return await this.open(slot, stored, metadata);
    } catch (error) {
      if (!(error instanceof SealedRecordError)) throw error;
      const wrapped = new Uint8Array(UNOPENABLE_MARK.length + stored.length);
      wrapped.set(UNOPENABLE_MARK, 0);
      wrapped.set(stored, UNOPENABLE_MARK.length);
      return wrapped;
    }
  }

  private async open(slot: string, stored: Uint8Array, metadata: RecordMetadata): Promise<Uint8Array> {
    if (!isSealedRecord(stored)) {
      if (this.policy.acceptsPlain) return stored;
      throw new SealedRecordError(slot, 'plain-refused');
    }
    if (this.phase === 'off') return stored;
    if (!this.ring) throw new SealedRecordError(slot, 'locked');
    const opened = await openRecord(this.ring, slot, stored, metadata);
    if (!opened.ok) throw new SealedRecordError(slot, opened.failure);
    return opened.bytes;
  }

  /** Whether stored bytes are already in the form the current phase writes. */
  isInTargetForm(stored: Uint8Array): boolean {
    if (!this.policy.seals) return !isSealedRecord(stored);
    return this.ring !== null && sealedKeyId(stored) === this.ring.currentId;
  }
}
