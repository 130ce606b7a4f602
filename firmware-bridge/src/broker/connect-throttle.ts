// Refused chair connections are throttled per client id and per address: an attempt takes its
// points before the secret is looked up, so a flood of wrong secrets or unknown ids is refused
// without database work once the limit is reached. A successful sign-in gives its points back.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { PER_ADDRESS_FACTOR } from '../../../schemas/refusals.ts';

export interface ConnectThrottleOptions {
  /** Refused connections per client id per window; per address PER_ADDRESS_FACTOR times this. */
  maxFailures: number;
  windowMs: number;
}

/** Attacker-chosen ids are cut to this length before they become a counter's key. */
const MAX_KEY = 100;

export class ConnectThrottle {
  private readonly byId: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(o: ConnectThrottleOptions) {
    const duration = Math.max(1, Math.round(o.windowMs / 1000));
    this.byId = new RateLimiterMemory({ points: o.maxFailures, duration });
    this.byAddress = new RateLimiterMemory({ points: o.maxFailures * PER_ADDRESS_FACTOR, duration });
  }

  private static async take(limiter: RateLimiterMemory, key: string): Promise<boolean> {
    try {
      await limiter.consume(key);
      return true;
    } catch (res) {
      if (res instanceof RateLimiterRes) return false;
      throw res;
    }
  }

  /**
   * Takes one attempt for the address, then for the client id (the increments are atomic, so
   * parallel connects are counted exactly). False: refuse without checking anything.
   */
  async admit(clientId: string, address: string): Promise<boolean> {
    if (!(await ConnectThrottle.take(this.byAddress, address))) return false;
    if (await ConnectThrottle.take(this.byId, clientId.slice(0, MAX_KEY))) return true;
    await this.byAddress.reward(address, 1);
    return false;
  }

  /** Counts a refusal that needed no admission (the bridge's account) against the address only. */
  async charge(address: string): Promise<void> {
    await ConnectThrottle.take(this.byAddress, address);
  }

  /** The attempt was not a failure (accepted, or asked to wait): its points go back. */
  async release(clientId: string, address: string): Promise<void> {
    await Promise.all([this.byId.reward(clientId.slice(0, MAX_KEY), 1), this.byAddress.reward(address, 1)]);
  }
}
