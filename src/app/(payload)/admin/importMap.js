import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PhotoSlotLabel as PhotoSlotLabel_7ac16352c2dbb888afbca46fc1ef7b34 } from '../../../../src/content/admin/PhotoSlotLabel'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PhotoWarnings as PhotoWarnings_104b90b201cae41a2e33394410f12243 } from '../../../../src/admin/PhotoWarnings'
import { ReviewPanel as ReviewPanel_325dfb9e392e6fb6fbe3df1feca9da97 } from '../../../../src/quality/admin/ReviewPanel'
import { StateCell as StateCell_550f43e8f76895e8f1ef5aafbdfa67dc } from '../../../../src/workflow/admin/StateCell'
import { StageCell as StageCell_4b602009b4219ed075303defced297eb } from '../../../../src/workflow/admin/StageCell'
import { ImportArticles as ImportArticles_20b24ffc7e091a6c1dd606ec3977b17b } from '../../../../src/import/admin/ImportArticles'
import { WorkflowActions as WorkflowActions_2841ad85d8256faf769d752bb013c753 } from '../../../../src/workflow/admin/WorkflowActions'
import { NoPublishButton as NoPublishButton_2841ad85d8256faf769d752bb013c753 } from '../../../../src/workflow/admin/WorkflowActions'
import { NoPayloadStatus as NoPayloadStatus_2841ad85d8256faf769d752bb013c753 } from '../../../../src/workflow/admin/WorkflowActions'
import { ReportMatches as ReportMatches_5d999b213d8424f39c035f2f28786b95 } from '../../../../src/admin/ReportMatches'
import { AuditExport as AuditExport_9282e74ebf1b26e672bf8508b7e13272 } from '../../../../src/security/admin/AuditExport'
import { ReviewLink as ReviewLink_143827f17e33fe6072f7241bf0830289 } from '../../../../src/workflow/admin/ReviewLink'
import { SearchLink as SearchLink_414a6bf2bfeca7811d5c50e43ca698bf } from '../../../../src/search/admin/SearchLink'
import { ReviewQueue as ReviewQueue_dcb0f3d580d745b3393c70062d8c0ad7 } from '../../../../src/workflow/admin/ReviewQueue'
import { SiteHealthPanel as SiteHealthPanel_cf8ed2113ab6c0c827bb0685592694ae } from '../../../../src/columns/admin/SiteHealthPanel'
import { SearchView as SearchView_b6a4f1258cf9b642f209df79aa448e25 } from '../../../../src/search/admin/SearchView'
import { ReviewView as ReviewView_71d46046a35fc0b33650d47116915111 } from '../../../../src/workflow/admin/ReviewView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/content/admin/PhotoSlotLabel#PhotoSlotLabel": PhotoSlotLabel_7ac16352c2dbb888afbca46fc1ef7b34,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/PhotoWarnings#PhotoWarnings": PhotoWarnings_104b90b201cae41a2e33394410f12243,
  "/src/quality/admin/ReviewPanel#ReviewPanel": ReviewPanel_325dfb9e392e6fb6fbe3df1feca9da97,
  "/src/workflow/admin/StateCell#StateCell": StateCell_550f43e8f76895e8f1ef5aafbdfa67dc,
  "/src/workflow/admin/StageCell#StageCell": StageCell_4b602009b4219ed075303defced297eb,
  "/src/import/admin/ImportArticles#ImportArticles": ImportArticles_20b24ffc7e091a6c1dd606ec3977b17b,
  "/src/workflow/admin/WorkflowActions#WorkflowActions": WorkflowActions_2841ad85d8256faf769d752bb013c753,
  "/src/workflow/admin/WorkflowActions#NoPublishButton": NoPublishButton_2841ad85d8256faf769d752bb013c753,
  "/src/workflow/admin/WorkflowActions#NoPayloadStatus": NoPayloadStatus_2841ad85d8256faf769d752bb013c753,
  "/src/admin/ReportMatches#ReportMatches": ReportMatches_5d999b213d8424f39c035f2f28786b95,
  "/src/security/admin/AuditExport#AuditExport": AuditExport_9282e74ebf1b26e672bf8508b7e13272,
  "/src/workflow/admin/ReviewLink#ReviewLink": ReviewLink_143827f17e33fe6072f7241bf0830289,
  "/src/search/admin/SearchLink#SearchLink": SearchLink_414a6bf2bfeca7811d5c50e43ca698bf,
  "/src/workflow/admin/ReviewQueue#ReviewQueue": ReviewQueue_dcb0f3d580d745b3393c70062d8c0ad7,
  "/src/columns/admin/SiteHealthPanel#SiteHealthPanel": SiteHealthPanel_cf8ed2113ab6c0c827bb0685592694ae,
  "/src/search/admin/SearchView#SearchView": SearchView_b6a4f1258cf9b642f209df79aa448e25,
  "/src/workflow/admin/ReviewView#ReviewView": ReviewView_71d46046a35fc0b33650d47116915111,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
