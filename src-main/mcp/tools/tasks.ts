import { addTask, completeTask, listTasks } from '../../services/tasks.js';
import { client, entityId, page, text, yesNo } from '../arguments.js';
import { pageOf, taskLine } from '../format.js';
import { defineTool } from '../tool.js';

const TASKS_PER_PAGE = 25;

const add = defineTool({
  name: 'task_add',
  description: 'Notes a pending task (something left to do), for the given client or else the active session\'s client. Answers one line with its short id.',
  input: {
    title: text('what is left to do', 1000).describe('what is left to do, one sentence'),
    client: client().optional().describe('client it is for (default: the active session\'s)'),
    project: text('a project name', 200).optional().describe('project it is for'),
  },
  run: (context, args) => `Added ${taskLine(addTask(context, args))}`,
});

const list = defineTool({
  name: 'task_list',
  description: `Open tasks oldest first (done ones too with include_done), ${TASKS_PER_PAGE} a page: one line each with short id, status, title, client/project and date, and "page N of M".`,
  input: {
    client: client().optional().describe('only this client'),
    include_done: yesNo('include done tasks').optional().describe('include done tasks (default false)'),
    page: page(),
  },
  run: (context, args) => {
    const tasks = listTasks(context, { client: args.client, includeDone: args.include_done });
    if (tasks.length === 0) return args.include_done ? 'No tasks.' : 'No open tasks.';
    const shown = pageOf(tasks, args.page ?? 1, TASKS_PER_PAGE, 'task');
    return [shown.line, ...shown.items.map(taskLine)].join('\n');
  },
});

const done = defineTool({
  name: 'task_done',
  description: 'Marks a task done (recording who and when). Answers one line: the task with its short id and done date.',
  input: { id: entityId('task', 'task_list') },
  run: (context, args) => `Done ${taskLine(completeTask(context, args.id))}`,
});

export const taskTools = [add, list, done];
