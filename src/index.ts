export { init } from './core/init';
export type { AuditCookie, AuditReport, ExportedData, ZorgvuldigApi } from './api/types';
export type {
  CategoryOptions,
  CookieDeclaration,
  GoogleOptions,
  Lang,
  Translated,
  ZorgvuldigOptions,
} from './config/options';
export type { Choices, ConsentMethod, ConsentRecord, ConsentState } from './consent/types';
export type { BlockedRequest, SdkEvents } from './context/context';
export type { PartName, PartStatus } from './context/parts';
export type {
  CollectBody,
  ConsentReceiptBody,
  ForgetBody,
  Hit,
  HitTiming,
  ReducedUserAgent,
} from './protocol/types';
