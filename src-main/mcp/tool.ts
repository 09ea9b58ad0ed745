import type { z } from 'zod';
import type { ServiceContext } from '../services/context.js';

/** A tool's arguments: one zod schema per argument (the SDK lists them as JSON Schema and validates calls). */
export type ToolShape = Record<string, z.ZodType>;

/** One MCP tool: what Claude sees (name, description, arguments) and what it runs. */
export interface McpTool {
  name: string;
  /** Says what the answer holds and how long it is, so Claude knows when to call it. */
  description: string;
  input: ToolShape;
  /** The answer as dense text; throws MspError for anything the caller can fix. */
  run(context: ServiceContext, args: Record<string, unknown>): string | Promise<string>;
}

interface TypedTool<S extends ToolShape> {
  name: string;
  description: string;
  input: S;
  run(context: ServiceContext, args: z.output<z.ZodObject<S>>): string | Promise<string>;
}

/** Declares a tool with its arguments typed from its schema; the registry holds them side by side. */
export function defineTool<S extends ToolShape>(tool: TypedTool<S>): McpTool {
  return {
    name: tool.name,
    description: tool.description,
    input: tool.input,
    // The SDK has parsed `args` with `tool.input` before any call reaches here.
    run: (context, args) => tool.run(context, args as z.output<z.ZodObject<S>>),
  };
}
