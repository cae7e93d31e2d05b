/** A French explanation of a file-system error code, for messages a clerk reads. */
export function explainFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOTDIR':
      return 'un élément du chemin est un fichier, pas un dossier';
    case 'EEXIST':
      return 'un fichier existe déjà à la place d’un dossier';
    case 'EISDIR':
      return 'un dossier existe déjà à la place du fichier';
    case 'EACCES':
    case 'EPERM':
      return 'permission refusée';
    case 'EROFS':
      return 'système de fichiers en lecture seule';
    case 'ENOSPC':
      return 'disque plein';
    case 'EDQUOT':
      return 'quota disque dépassé';
    case 'ENAMETOOLONG':
      return 'nom de fichier trop long';
    case 'ENOENT':
      return 'dossier introuvable';
    default:
      return code ? `erreur système ${code}` : error instanceof Error ? error.message : String(error);
  }
}
