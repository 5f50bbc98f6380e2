import { ThemeSelect as ThemeSelect_5f0ea14cf22ac0d5d4128d03a9c6144a } from '../../../collections/Tenants/ThemeSelect'
import { ColorPicker as ColorPicker_2855973b5cbdb91b155f99f84e87c952 } from '../../../collections/Tenants/brand/ColorPicker'
import { FontPreview as FontPreview_2254bc41211a8394829c41a2a46c6ebf } from '../../../collections/Tenants/brand/FontPreview'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { NotificationPreview as NotificationPreview_fff629d076c85e42f1beb290dd1b1d3f } from '../../../admin/notificationPreview/NotificationPreview'
import { Announcement as Announcement_f6de7a574f7400fb8249f8e3c63802d6 } from '../../../admin/notificationPreview/Announcement'
import { WatchTenantCollection as WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TenantField as TenantField_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { TextListCell as TextListCell_657ef4349594fa04f9ea288e2a834f29 } from '../../../admin/cells/TextListCell'
import { AssignTenantFieldTrigger as AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a } from '@payloadcms/plugin-multi-tenant/client'
import { ClinicTimeCell as ClinicTimeCell_22d8f1432333e87a4564ad51ffcabc89 } from '../../../admin/clinicTime/ClinicTimeCell'
import { ClinicTimeDescription as ClinicTimeDescription_f53d428a4e2d560779ec759c1901beb6 } from '../../../admin/clinicTime/ClinicTimeDescription'
import { StatusCell as StatusCell_fb1b9796d067eb419fc7f69cbe53f544 } from '../../../collections/Appointments/admin/StatusCell'
import { HistoryTimeline as HistoryTimeline_9a50a549365a7977484e961f153251dd } from '../../../collections/Appointments/admin/HistoryTimeline'
import { RenderedMessage as RenderedMessage_d944a97fc8ef02c6d8a265b07e6afeea } from '../../../admin/notificationPreview/RenderedMessage'
import { OutboxList as OutboxList_30c0a37ea65ad28143f8344f5d3871d3 } from '../../../admin/outbox/OutboxList'
import { PaymentActions as PaymentActions_37432a50dae3292b91af9628619e91b9 } from '../../../admin/payments/PaymentActions'
import { AmountCell as AmountCell_00bbf4acfc309478e031fb6124284dc2 } from '../../../admin/payments/AmountCell'
import { PaymentTotals as PaymentTotals_501791649482df323b6ca28539b4f3f8 } from '../../../admin/payments/PaymentTotals'
import { AccountAvatar as AccountAvatar_c7e2c38a2cce57b595f8fe3b6cf187dd } from '../../../admin/avatar/AccountAvatar'
import { Icon as Icon_48a75e37b0630d5b8c8066e180c0e6ef } from '../../../admin/graphics/Icon'
import { Logo as Logo_88541c286955dbac4d90fb5ed606381c } from '../../../admin/graphics/Logo'
import { TenantSelector as TenantSelector_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { TenantSelectionProvider as TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62 } from '@payloadcms/plugin-multi-tenant/rsc'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/Tenants/ThemeSelect#ThemeSelect": ThemeSelect_5f0ea14cf22ac0d5d4128d03a9c6144a,
  "/collections/Tenants/brand/ColorPicker#ColorPicker": ColorPicker_2855973b5cbdb91b155f99f84e87c952,
  "/collections/Tenants/brand/FontPreview#FontPreview": FontPreview_2254bc41211a8394829c41a2a46c6ebf,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/admin/notificationPreview/NotificationPreview#NotificationPreview": NotificationPreview_fff629d076c85e42f1beb290dd1b1d3f,
  "/admin/notificationPreview/Announcement#Announcement": Announcement_f6de7a574f7400fb8249f8e3c63802d6,
  "@payloadcms/plugin-multi-tenant/client#WatchTenantCollection": WatchTenantCollection_1d0591e3cf4f332c83a86da13a0de59a,
  "@payloadcms/plugin-multi-tenant/client#TenantField": TenantField_1d0591e3cf4f332c83a86da13a0de59a,
  "/admin/cells/TextListCell#TextListCell": TextListCell_657ef4349594fa04f9ea288e2a834f29,
  "@payloadcms/plugin-multi-tenant/client#AssignTenantFieldTrigger": AssignTenantFieldTrigger_1d0591e3cf4f332c83a86da13a0de59a,
  "/admin/clinicTime/ClinicTimeCell#ClinicTimeCell": ClinicTimeCell_22d8f1432333e87a4564ad51ffcabc89,
  "/admin/clinicTime/ClinicTimeDescription#ClinicTimeDescription": ClinicTimeDescription_f53d428a4e2d560779ec759c1901beb6,
  "/collections/Appointments/admin/StatusCell#StatusCell": StatusCell_fb1b9796d067eb419fc7f69cbe53f544,
  "/collections/Appointments/admin/HistoryTimeline#HistoryTimeline": HistoryTimeline_9a50a549365a7977484e961f153251dd,
  "/admin/notificationPreview/RenderedMessage#RenderedMessage": RenderedMessage_d944a97fc8ef02c6d8a265b07e6afeea,
  "/admin/outbox/OutboxList#OutboxList": OutboxList_30c0a37ea65ad28143f8344f5d3871d3,
  "/admin/payments/PaymentActions#PaymentActions": PaymentActions_37432a50dae3292b91af9628619e91b9,
  "/admin/payments/AmountCell#AmountCell": AmountCell_00bbf4acfc309478e031fb6124284dc2,
  "/admin/payments/PaymentTotals#PaymentTotals": PaymentTotals_501791649482df323b6ca28539b4f3f8,
  "/admin/avatar/AccountAvatar#AccountAvatar": AccountAvatar_c7e2c38a2cce57b595f8fe3b6cf187dd,
  "/admin/graphics/Icon#Icon": Icon_48a75e37b0630d5b8c8066e180c0e6ef,
  "/admin/graphics/Logo#Logo": Logo_88541c286955dbac4d90fb5ed606381c,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelector": TenantSelector_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/plugin-multi-tenant/rsc#TenantSelectionProvider": TenantSelectionProvider_d6d5f193a167989e2ee7d14202901e62,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
