// The system's SQLite (Debian's libsqlite3-dev), called directly so that statements run inline and stay prepared.
#include <sqlite3.h>
