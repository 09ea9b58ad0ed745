import type { McpTool } from '../tool.js';
import { contextTools } from './context.js';
import { credentialTools } from './credentials.js';
import { knowledgeTools } from './knowledge.js';
import { machineTools } from './machine.js';
import { sessionTools } from './sessions.js';
import { taskTools } from './tasks.js';
import { workTools } from './work.js';

/** Every tool the MSP Mode MCP server offers: a new tool is one more entry in one of these lists. */
export const mspTools: McpTool[] = [...contextTools, ...sessionTools, ...workTools, ...taskTools, ...machineTools, ...credentialTools, ...knowledgeTools];
