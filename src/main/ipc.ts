import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, ipcChannel, type Api } from '../shared/api';
import { dispatch } from './dispatch';

/**
 * The Electron door: one `ipcMain.handle` per contract method, all through `dispatch`.
 * Every call is checked to come from our own window's main frame loading our own page
 * (VS Code's rule: validate every sender), else refused.
 */
export function registerIpc(api: Api, isTrustedSender: (sender: WebContents, frameUrl: string) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event: IpcMainInvokeEvent, args: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedSender(event.sender, frame.url)) {
        return { ok: false, error: { code: 'bad_request', message: 'refused: untrusted sender' } };
      }
      return dispatch(api, method, args);
    });
  }
}
