import { WriteLock } from '../../src/config/adapter'

describe('WriteLock', () => {
  it('should hand the lock out in order, one holder at a time', async () => {
    const lock = new WriteLock(1000)
    const order: string[] = []
    const hold = async (name: string, ms: number) => {
      const release = await lock.acquire()
      order.push(`${name}+`)
      await new Promise((r) => setTimeout(r, ms))
      order.push(`${name}-`)
      release()
    }
    await Promise.all([hold('a', 30), hold('b', 5), hold('c', 1)])
    expect(order).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-'])
  })

  it('should make a waiter give up after the timeout without blocking those behind it', async () => {
    const lock = new WriteLock(50)
    const first = await lock.acquire()
    await expect(lock.acquire()).rejects.toThrow(/数据库繁忙/)
    const third = lock.acquire()
    first()
    const release = await third
    release()
    release() // idempotent
  })
})
