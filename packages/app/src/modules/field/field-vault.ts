import { deleteDB, type IDBPDatabase, openDB } from 'idb'

/**
 * The phone's encrypted store. IndexedDB holds only AES-GCM ciphertext under neutral names; the
 * data key never touches the disk in the clear: it is wrapped (AES-KW) by a key derived from the
 * worker's passphrase (PBKDF2-SHA-256, PBKDF2_ITERATIONS rounds) and the wrapped copy lives in
 * one file of the origin-private file system, so destroying it is deleting a file — not a
 * tombstone in IndexedDB's log that would keep the old bytes on disk until a compaction.
 * Two slots are always written, one opening the real store and one the duress passphrase's
 * decoy; they look alike, so nobody can tell from the phone whether a duress passphrase is set.
 */
export const PBKDF2_ITERATIONS = 600_000
const DB_NAME = 'hv'
const STORE = 'b'
const KEY_FILE = 'k'
const CHECK = 'c'

export class QuotaError extends Error {
  override name = 'QuotaError'
}

interface Slots {
  salt: string
  iterations: number
  slots: string[]
}

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const unb64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n))

async function keyFile(create: boolean): Promise<FileSystemFileHandle | null> {
  const root = await navigator.storage.getDirectory()
  try {
    return await root.getFileHandle(KEY_FILE, { create })
  } catch {
    return null
  }
}

async function readSlots(): Promise<Slots | null> {
  const handle = await keyFile(false)
  if (!handle) return null
  const text = await (await handle.getFile()).text()
  return text ? (JSON.parse(text) as Slots) : null
}

async function writeSlots(slots: Slots): Promise<void> {
  const handle = await keyFile(true)
  if (!handle) throw new Error('no private file system')
  const writable = await handle.createWritable()
  await writable.write(JSON.stringify(slots))
  await writable.close()
}

async function deriveKek(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  )
}

const newDataKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])

async function wrapped(kek: CryptoKey, key: CryptoKey): Promise<string> {
  return b64(new Uint8Array(await crypto.subtle.wrapKey('raw', key, kek, 'AES-KW')))
}

async function unwrapped(kek: CryptoKey, slot: string): Promise<CryptoKey | null> {
  try {
    // Not extractable once open: script on the page can use the key but never read it out.
    return await crypto.subtle.unwrapKey('raw', unb64(slot), kek, 'AES-KW', 'AES-GCM', false, [
      'encrypt',
      'decrypt',
    ])
  } catch {
    return null
  }
}

/** An unlocked store: JSON values by name, each sealed with the data key. */
export class Vault {
  constructor(
    private readonly key: CryptoKey,
    private readonly db: IDBPDatabase,
  ) {}

  async get<T>(name: string): Promise<T | undefined> {
    const sealed = (await this.db.get(STORE, name)) as Uint8Array | undefined
    if (!sealed) return undefined
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.slice(0, 12) },
      this.key,
      sealed.slice(12),
    )
    return JSON.parse(new TextDecoder().decode(plain)) as T
  }

  async put(name: string, value: unknown): Promise<void> {
    const iv = random(12)
    const ct = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv },
        this.key,
        new TextEncoder().encode(JSON.stringify(value)),
      ),
    )
    const sealed = new Uint8Array(12 + ct.length)
    sealed.set(iv)
    sealed.set(ct, 12)
    try {
      await this.db.put(STORE, sealed, name)
    } catch (error) {
      if (error instanceof DOMException && error.name === 'QuotaExceededError')
        throw new QuotaError(error.message)
      throw error
    }
  }

  close(): void {
    this.db.close()
  }
}

const openStore = () =>
  openDB(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore(STORE)
    },
  })

export async function vaultExists(): Promise<boolean> {
  return (await readSlots()) !== null
}

/** Makes a new store: a real data key and a decoy's, both wrapped under the one salt. */
export async function createVault(passphrase: string, duress: string): Promise<Vault> {
  const salt = random(16)
  const real = await newDataKey()
  const decoy = await newDataKey()
  const slots = [
    await wrapped(await deriveKek(passphrase, salt, PBKDF2_ITERATIONS), real),
    await wrapped(await deriveKek(duress, salt, PBKDF2_ITERATIONS), decoy),
  ]
  if (((random(1)[0] ?? 0) & 1) === 1) slots.reverse()
  const db = await openStore()
  const vault = new Vault(real, db)
  await vault.put(CHECK, true)
  await writeSlots({ salt: b64(salt), iterations: PBKDF2_ITERATIONS, slots })
  return vault
}

async function reopen(passphrase: string): Promise<CryptoKey | null> {
  const slots = await readSlots()
  if (!slots) return null
  const kek = await deriveKek(passphrase, unb64(slots.salt), slots.iterations)
  for (const slot of slots.slots) {
    const key = await unwrapped(kek, slot)
    if (key) return key
  }
  return null
}

export type Unlocked = { vault: Vault } | { wrong: true }

/**
 * Opens the store. The passphrase that opens the decoy slot is the duress passphrase: the real
 * store is wiped at once and an empty one is made under that passphrase, which then looks like
 * a phone that has synced nothing yet.
 */
export async function unlock(passphrase: string): Promise<Unlocked> {
  const key = await reopen(passphrase)
  if (!key) return { wrong: true }
  const db = await openStore()
  const vault = new Vault(key, db)
  try {
    if ((await vault.get<boolean>(CHECK)) === true) return { vault }
  } catch {
    // Not the real store's key: the duress passphrase.
  }
  vault.close()
  await wipe()
  return { vault: await createVault(passphrase, b64(random(24))) }
}

/**
 * Destroys the wrapped keys (the file is overwritten, then deleted) and the ciphertext store.
 * Whatever bytes of the store the disk still holds can no longer be decrypted.
 */
export async function wipe(): Promise<void> {
  const handle = await keyFile(false)
  if (handle) {
    const writable = await handle.createWritable()
    await writable.write(random(4096))
    await writable.close()
    await (await navigator.storage.getDirectory()).removeEntry(KEY_FILE)
  }
  await deleteDB(DB_NAME)
}
