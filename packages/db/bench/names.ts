/**
 * Given and family names by locale, as comma-separated lists. A name in a
 * script other than Latin carries, after `=`, the romanised form a company
 * would use in the email address.
 */
export interface Locale {
  label: string;
  /** How often this locale appears, relative to the others. */
  weight: number;
  given: string;
  family: string;
}

export interface Name {
  native: string;
  /** ASCII letters for the email; absent when folding the name is enough. */
  romanised?: string;
}

/** Splits a list written as `Иван=ivan, Seán, José Luis`. */
export function parseNames(list: string): Name[] {
  return list
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const [native = entry, romanised] = entry.split("=");
      return romanised ? { native, romanised } : { native };
    });
}

export const LATIN_LOCALES: readonly Locale[] = [
  {
    label: "English",
    weight: 20,
    given: `James, Olivia, William, Emma, Robert, Charlotte, Michael, Amelia,
      Elizabeth, Daniel, Sophie, Thomas, Katherine, Jean-Luc, Mary-Kate,
      Christopher, Jennifer, Matthew, Ashley, Margaret, Richard, Susan`,
    family: `Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson,
      Taylor, Anderson, Thompson, White, Harris, Clarke, Lewis, Walker, Hall,
      Young, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, Campbell,
      Mitchell, Roberts, Carter, Phillips, Evans, Turner, Parker, Collins,
      Edwards, Stewart, Morris, Cook, Rogers, Morgan, Cooper, Smith-Jones,
      Bennett, Wood, Hughes, Price, Foster, Gray, Ward, Hayes, Fletcher`,
  },
  {
    label: "Irish/Italian",
    weight: 4,
    given: `Siobhán, Seán, Niamh, Aoife, Ciarán, Giuseppe, Francesca,
      Giovanni, Chiara, Niccolò, Lucia, Matteo`,
    family: `O’Brien, O'Connor, O’Sullivan, McCarthy, O'Neill, Ó Briain,
      D'Angelo, D’Amico, Esposito, Romano, De Luca, Ricci, Bianchi, Murphy`,
  },
  {
    label: "Spanish",
    weight: 8,
    given: `José, María, Jesús, Lucía, Álvaro, Sofía, Andrés, Martín, Inés,
      Raúl, Ángela, Iñaki, Begoña, José Luis`,
    family: `Núñez, García, Fernández, González, Rodríguez, López, Martínez,
      Sánchez, Pérez, Gómez, Muñoz, Jiménez, Ibáñez, García-López, Peña,
      Castaño`,
  },
  {
    label: "Portuguese",
    weight: 5,
    given: `João, Gonçalo, Conceição, Luís, Inês, Antônio, Beatriz,
      Sebastião, Leonor, Tomás`,
    family: `Magalhães, Gonçalves, Araújo, Brandão, Simões, Guimarães,
      Assunção, Silva, Santos, Ferreira, Pereira, Conceição`,
  },
  {
    label: "French",
    weight: 6,
    given: `François, Hélène, Jérôme, Cécile, Benoît, Élodie, Zoë,
      Anne-Marie, Noël, Gaëlle, Clément, Léa`,
    family: `Lefèvre, Dubois, Moreau, Lefebvre, Girard, Bonnaire, Fournier,
      Mercier, Chevalier, Rousseau, Faure, Leroy`,
  },
  {
    label: "German",
    weight: 7,
    given: `Jürgen, Björn, Günther, Jörg, Käthe, Sören, Lukas, Anneliese,
      Maximilian, Hannah, Uwe, Gisela`,
    family: `Müller, Schröder, Weiß, Groß, Schmidt, Schneider, Fischer, Meyer,
      Wagner, Becker, Hoffmann, Schäfer, Koch, Bauer, Krüger, Strauß,
      Müller-Lüdenscheidt, Vogel`,
  },
  {
    label: "Polish",
    weight: 4,
    given: `Łukasz, Małgorzata, Paweł, Michał, Żaneta, Grzegorz, Agnieszka,
      Wojciech, Katarzyna, Bożena`,
    family: `Kowalski, Kowalska, Wiśniewski, Wójcik, Łukaszewicz, Żółkiewski,
      Lewandowska, Dąbrowski, Zieliński, Szymański, Kamińska, Woźniak`,
  },
  {
    label: "Turkish",
    weight: 4,
    given: `İbrahim, Işıl, Şule, Çağrı, Gökhan, Ayşe, Müge, İsmail, Barış,
      Özge, Emre`,
    family: `Yılmaz, Öztürk, Şahin, Çelik, Doğan, Kılıç, Aydın, Arslan, Koç,
      Kurt, Özdemir`,
  },
  {
    label: "Vietnamese",
    weight: 4,
    given: `Minh, Hương, Thảo, Dũng, Tuấn, Lan, Quang, Thúy, Đức, Ngọc Anh,
      Phương`,
    family: `Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi,
      Đỗ`,
  },
  {
    label: "Indian (Latin)",
    weight: 6,
    given: `Aarav, Ishaan, Kavya, Rohan, Sneha, Priyanka, Vikram, Lakshmi,
      Siddharth, Ananya`,
    family: `D’Souza, Iyer, Nair, Menon, Chatterjee, Banerjee, Rao, Krishnan,
      Pillai, Sharma, Reddy, Fernandes`,
  },
];
