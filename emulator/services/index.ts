// Importing this module registers every emulated Apps Script service with the runtime.
import './logger';
import './session';
import './utilities';
import './properties';
import './cache';
import './lock';
import './script-app';
import './spreadsheet/index';
import './forms';
import './mail';
import './html';
