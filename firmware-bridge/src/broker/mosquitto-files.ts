// Writes Mosquitto's files so that Mosquitto can read them as written: started as root it drops to
// an unprivileged user (`user`, default `mosquitto`) before it reads the password and ACL files and
// writes its persistence, so as root the files are handed to that user (still 0600) and every folder
// above them must let it through; otherwise the command stops and says exactly what to do.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

export interface Account {
  name: string;
  uid: number;
  gid: number;
}

/** An account from /etc/passwd (Node has no getpwnam); null when there is none. */
export function lookupAccount(name: string, passwdFile = '/etc/passwd'): Account | null {
  let text: string;
  try {
    text = fs.readFileSync(passwdFile, 'utf8');
  } catch {
    return null;
  }
  for (const line of text.split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

/** The first folder above `dir` that this account cannot pass through (no search permission), or null. */
export function unreachableAncestor(dir: string, who: Pick<Account, 'uid' | 'gid'>): string | null {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    // A folder that does not exist yet is made passable (0755) by writeMosquittoFiles.
    const st = fs.statSync(current, { throwIfNoEntry: false });
    const bit = st && (st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001);
    if (st && bit && who.uid !== 0 && (st.mode & bit) === 0) return current;
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/**
 * The account Mosquitto will run as when this process (root) starts it, checked before anything is
 * written; null when not root (Mosquitto then keeps the starting user, who owns the files).
 */
export function mosquittoAccount(dir: string, user: string, isRoot = process.getuid?.() === 0): Account | null {
  if (!isRoot) return null;
  const account = lookupAccount(user);
  if (!account) {
    throw new ConfigError(
      `Started as root, Mosquitto drops to the user "${user}", and there is no such user here. ` +
        'Install Mosquitto from your distribution (it creates the user "mosquitto"), or pass --user NAME: the account Mosquitto should run as.',
    );
  }
  const blocked = unreachableAncestor(dir, account);
  if (blocked) {
    throw new ConfigError(
      `Mosquitto runs as "${user}" and cannot reach ${path.resolve(dir)}: ${blocked} does not let that user through. ` +
        `Choose --out in a folder it can reach (e.g. /etc/mosquitto/atensi), or run: chmod o+x ${blocked}`,
    );
  }
  return account;
}

/** Writes the files 0600 in a 0700 folder (folders above it made 0755), owned by the account Mosquitto runs as (when root). */
export function writeMosquittoFiles(dir: string, files: Record<string, string>, owner: Account | null): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    if (owner) fs.chownSync(file, owner.uid, owner.gid);
  }
  // Mosquitto also writes its persistence file here.
  fs.chmodSync(dir, 0o700);
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
}
