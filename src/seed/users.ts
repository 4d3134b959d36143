import type { Role } from '../access/roles'

/** One demo account per role, so a newcomer can see every desk of the newsroom. */
export const DEMO_USERS: { email: string; name: string; roles: Role[] }[] = [
  { email: 'admin@newsdesk.local', name: '系统管理员 王强', roles: ['admin'] },
  { email: 'chief@newsdesk.local', name: '总编辑 李华', roles: ['chief-editor'] },
  { email: 'reviewer1@newsdesk.local', name: '审核员 张敏', roles: ['reviewer'] },
  { email: 'reviewer2@newsdesk.local', name: '审核员 陈静', roles: ['reviewer'] },
  { email: 'editor@newsdesk.local', name: '编辑 刘洋', roles: ['editor'] },
  { email: 'editor2@newsdesk.local', name: '编辑 赵磊', roles: ['editor'] },
  { email: 'photo@newsdesk.local', name: '摄影记者 孙悦', roles: ['photographer'] },
]

export const DEV_DEMO_PASSWORD = 'Newsdesk-2026'
