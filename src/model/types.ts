import type { NodeRef } from '../load/spec.js';

export type OperationKind = 'operation' | 'webhook' | 'callback';

export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  deprecated: boolean;
  style: string;
  explode: boolean;
  /** Where the parameter is declared: on the path item or on the operation. */
  level: 'path' | 'operation';
  /** Position among the path template's parameters (path parameters only). */
  position?: number;
  schema?: NodeRef;
  node: NodeRef;
}

export interface MediaModel {
  mediaType: string;
  schema?: NodeRef;
  node: NodeRef;
}

export interface RequestBodyModel {
  required: boolean;
  content: Map<string, MediaModel>;
  node: NodeRef;
}

export interface HeaderModel {
  name: string;
  required: boolean;
  deprecated: boolean;
  schema?: NodeRef;
  node: NodeRef;
}

export interface ResponseModel {
  status: string;
  headers: Map<string, HeaderModel>;
  content: Map<string, MediaModel>;
  node: NodeRef;
}

/** One alternative of a security requirement list: scheme name -> scopes (all required together). */
export type SecurityRequirement = Map<string, string[]>;

export interface OperationModel {
  kind: OperationKind;
  /** Matching key: method + path template with parameter names erased (or webhook name). */
  key: string;
  /** How users see it: `GET /v2/apps/{appId}`, `webhook conversation:message`. */
  display: string;
  method: string;
  /** Full path as written, including the server or basePath prefix. */
  path: string;
  /** The path as written under `paths` (without prefix). */
  rawPath: string;
  operationId?: string;
  tags: string[];
  summary?: string;
  deprecated: boolean;
  sunset?: string;
  parameters: Map<string, ParameterModel>;
  requestBody?: RequestBodyModel;
  responses: Map<string, ResponseModel>;
  /** Effective security: operation level, else document level; undefined when none is declared. */
  security?: SecurityRequirement[];
  securityNode?: NodeRef;
  callbacks: Map<string, OperationModel[]>;
  node: NodeRef;
  /** Name of the webhook or callback, for those kinds. */
  eventName?: string;
}

export interface SecuritySchemeModel {
  name: string;
  type: string;
  scheme?: string;
  in?: string;
  paramName?: string;
  flows: Map<string, { scopes: Set<string>; urls: Record<string, string> }>;
  node: NodeRef;
}

export interface ApiModel {
  version: string;
  infoVersion?: string;
  title?: string;
  prefix: string;
  operations: Map<string, OperationModel>;
  webhooks: Map<string, OperationModel>;
  securitySchemes: Map<string, SecuritySchemeModel>;
  root: NodeRef;
}
