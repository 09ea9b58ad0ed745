import { addClient, addProject, listClients, listProjects } from '../../services/clients.js';
import { addTask, completeTask, listTasks } from '../../services/tasks.js';
import { flag, stringOption, type CommandSpec } from '../args.js';
import { formatTime, taskLine } from '../format.js';
import { print, withContext } from './with-context.js';

const clientAdd: CommandSpec = {
  name: 'client add',
  summary: 'Add a client (names match case-insensitively; adding an existing one changes nothing).',
  positionals: [{ name: 'name', description: 'client name', required: true }],
  run: (parsed, io) =>
    withContext(io, (context) => {
      const result = addClient(context.store, parsed.positionals[0] ?? '');
      print(io, parsed.json, result, () => `${result.created ? 'Added' : 'Already known:'} client ${result.client.name}`);
    }),
};

const clientList: CommandSpec = {
  name: 'client list',
  summary: 'Clients with their session counts, open tasks and last work.',
  run: (parsed, io) =>
    withContext(io, (context) => {
      const clients = listClients(context.store);
      print(io, parsed.json, clients, () =>
        clients.length === 0
          ? 'No clients yet (msp client add NAME, or msp start msp --client NAME).'
          : clients.map((c) => `${c.name}: ${c.sessions} sessions, ${c.openTasks} open tasks${c.lastWorkedAt ? `, last ${formatTime(c.lastWorkedAt).slice(0, 10)}` : ''}`).join('\n'));
    }),
};

const projectAdd: CommandSpec = {
  name: 'project add',
  summary: 'Add a project, for a client or internal (no --client).',
  positionals: [{ name: 'name', description: 'project name', required: true }],
  options: { client: { type: 'string', valueName: 'NAME', description: 'the client it is for' } },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const result = addProject(context.store, parsed.positionals[0] ?? '', stringOption(parsed, 'client'));
      print(io, parsed.json, result, () => `${result.created ? 'Added' : 'Already known:'} project ${result.project.name}`);
    }),
};

const projectList: CommandSpec = {
  name: 'project list',
  summary: 'Projects, of one client or all.',
  options: { client: { type: 'string', valueName: 'NAME', description: 'only this client' } },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const projects = listProjects(context.store, stringOption(parsed, 'client'));
      print(io, parsed.json, projects, () =>
        projects.length === 0 ? 'No projects.' : projects.map((p) => `${p.name}${p.client ? ` (${p.client})` : ' (internal)'} - ${p.status}`).join('\n'));
    }),
};

const taskAdd: CommandSpec = {
  name: 'task add',
  summary: 'Note a pending task (for the active session\'s client unless --client is given).',
  positionals: [{ name: 'text', description: 'what is left to do (quote it)', required: true }],
  options: {
    client: { type: 'string', valueName: 'NAME', description: 'client it is for' },
    project: { type: 'string', valueName: 'NAME', description: 'project it is for' },
  },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const task = addTask(context, { title: (parsed.positionals[0] ?? '').trim(), client: stringOption(parsed, 'client'), project: stringOption(parsed, 'project') });
      print(io, parsed.json, task, () => `Added ${taskLine(task)}`);
    }),
};

const taskList: CommandSpec = {
  name: 'task list',
  summary: 'Open tasks, oldest first.',
  options: {
    client: { type: 'string', valueName: 'NAME', description: 'only this client' },
    all: { type: 'boolean', description: 'include done tasks' },
  },
  run: (parsed, io) =>
    withContext(io, (context) => {
      const tasks = listTasks(context, { client: stringOption(parsed, 'client'), includeDone: flag(parsed, 'all') });
      print(io, parsed.json, tasks, () => (tasks.length === 0 ? 'No open tasks.' : [`${tasks.length} task${tasks.length === 1 ? '' : 's'}`, ...tasks.map(taskLine)].join('\n')));
    }),
};

const taskDone: CommandSpec = {
  name: 'task done',
  summary: 'Mark a task done.',
  positionals: [{ name: 'id', description: 'task id (the short id shown in brackets is enough)', required: true }],
  run: (parsed, io) =>
    withContext(io, (context) => {
      const task = completeTask(context, parsed.positionals[0] ?? '');
      print(io, parsed.json, task, () => `Done ${taskLine(task)}`);
    }),
};

export const catalogCommands = [clientAdd, clientList, projectAdd, projectList, taskAdd, taskList, taskDone];
