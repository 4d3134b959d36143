import type { CollectionConfig } from 'payload'

import { Kind, parse } from 'graphql'

import { isAdmin } from '../../src/access/roles'
import { label } from '../../src/config/i18n'
import { sha256 } from '../../src/delivery/apq'
import { forgetTrustedDocuments } from '../../src/delivery/trustedDocuments'

/** Refuses text that is not one or more GraphQL operations, with the parser's reason. */
const parsesAsGraphql = (value: unknown): true | string => {
  try {
    const document = parse(String(value ?? ''))
    return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)
      ? true
      : '文档中没有查询操作 (the document has no operation)'
  } catch (error) {
    return `GraphQL 语法错误:${(error as Error).message} (not valid GraphQL)`
  }
}

const forgetOnChange = ({ doc }: { doc: unknown }) => {
  forgetTrustedDocuments()
  return doc
}

/**
 * The GraphQL documents downstream sites may run when GRAPHQL_TRUSTED_DOCUMENTS=on (see
 * src/delivery/trustedDocuments.ts). Each is known by the SHA-256 of its exact text, the id
 * Apollo's and Relay's build tools give it. Admins manage them.
 */
export const GraphqlDocuments: CollectionConfig<'graphql-documents'> = {
  slug: 'graphql-documents',
  labels: {
    singular: label('GraphQL 登记文档', 'Trusted document'),
    plural: label('GraphQL 登记文档', 'Trusted documents'),
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'client', 'hash', 'enabled'],
    group: label('系统', 'System'),
  },
  access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [({ data }) => ({ ...data, hash: sha256(String(data.document ?? '')) })],
    afterChange: [forgetOnChange],
    afterDelete: [forgetOnChange],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('名称', 'Name') },
    { name: 'client', type: 'text', label: label('下游站点', 'Downstream site') },
    {
      name: 'document',
      // A textarea, not a code field: Payload's code editor loads Monaco from a CDN.
      type: 'textarea',
      required: true,
      label: label('GraphQL 文档', 'GraphQL document'),
      validate: parsesAsGraphql,
    },
    {
      name: 'hash',
      type: 'text',
      unique: true,
      index: true,
      label: label('SHA-256', 'SHA-256'),
      admin: {
        readOnly: true,
        description: label('由文档内容自动计算', 'Computed from the document'),
      },
    },
    { name: 'enabled', type: 'checkbox', defaultValue: true, label: label('启用', 'Enabled') },
  ],
  timestamps: true,
}
