import type { Item } from '../../schema/item.js';

/** [question, four choices, right letter]: general-knowledge questions written for culturekit (not from any dataset). */
const questions: [string, [string, string, string, string], 'A' | 'B' | 'C' | 'D'][] = [
  ['How many days are there in a leap year?', ['364', '365', '366', '367'], 'C'],
  ['Which planet is closest to the Sun?', ['Venus', 'Mercury', 'Mars', 'Earth'], 'B'],
  ['What is the boiling point of water at sea level in degrees Celsius?', ['90', '100', '110', '120'], 'B'],
  ['Which gas do plants take in from the air to make sugar?', ['Oxygen', 'Nitrogen', 'Carbon dioxide', 'Helium'], 'C'],
  ['How many sides does a hexagon have?', ['Five', 'Six', 'Seven', 'Eight'], 'B'],
  ['What is 12 multiplied by 12?', ['124', '144', '132', '156'], 'B'],
  ['Which organ pumps blood through the human body?', ['Liver', 'Lungs', 'Heart', 'Kidney'], 'C'],
  ['What is the largest ocean on Earth?', ['Atlantic', 'Indian', 'Arctic', 'Pacific'], 'D'],
  ["Which word is a synonym of 'rapid'?", ['Slow', 'Quick', 'Heavy', 'Quiet'], 'B'],
  ["What is the past tense of 'run'?", ['Runned', 'Ran', 'Running', 'Runs'], 'B'],
  ['How many minutes are in two hours?', ['100', '120', '140', '60'], 'B'],
  ['Which of these is a prime number?', ['9', '15', '17', '21'], 'C'],
  ['What do bees make from flower nectar?', ['Milk', 'Honey', 'Wax paper', 'Silk'], 'B'],
  ['Which shape has three sides?', ['Square', 'Circle', 'Triangle', 'Pentagon'], 'C'],
  ['What is the freezing point of water in degrees Fahrenheit?', ['0', '32', '100', '212'], 'B'],
  ['Which of these animals is a mammal?', ['Shark', 'Frog', 'Dolphin', 'Eagle'], 'C'],
  ["What is the opposite of 'ancient'?", ['Old', 'Modern', 'Broken', 'Tall'], 'B'],
  ['How many continents are usually counted on Earth?', ['Five', 'Six', 'Seven', 'Nine'], 'C'],
  ['What is half of 250?', ['115', '120', '125', '150'], 'C'],
  ['Which instrument measures air temperature?', ['Barometer', 'Thermometer', 'Compass', 'Ruler'], 'B'],
  ['Which part of a plant usually grows underground and takes up water?', ['Leaf', 'Flower', 'Root', 'Stem'], 'C'],
  ["What is the plural of 'mouse' (the animal)?", ['Mouses', 'Mice', 'Meese', 'Mousen'], 'B'],
  ['Which force pulls objects toward the ground?', ['Magnetism', 'Friction', 'Gravity', 'Tension'], 'C'],
  ['What is 15 plus 27?', ['41', '42', '43', '52'], 'B'],
  ['Which of these is a renewable source of energy?', ['Coal', 'Wind', 'Oil', 'Natural gas'], 'B'],
  ['How many legs does a spider have?', ['Six', 'Eight', 'Ten', 'Four'], 'B'],
  ['Which punctuation mark ends a question in English?', ['Period', 'Comma', 'Question mark', 'Colon'], 'C'],
  ['Which kind of word names a person, place or thing?', ['Verb', 'Noun', 'Adverb', 'Preposition'], 'B'],
  ['What does a caterpillar become after metamorphosis?', ['A beetle', 'A butterfly or moth', 'A spider', 'A worm'], 'B'],
  ['Which unit is used to measure electrical resistance?', ['Volt', 'Ampere', 'Ohm', 'Watt'], 'C'],
  ['What is the square root of 81?', ['7', '8', '9', '10'], 'C'],
  ['Which of these is the hardest natural material?', ['Gold', 'Diamond', 'Iron', 'Quartz'], 'B'],
  ['What is the chemical symbol for water?', ['O2', 'H2O', 'CO2', 'NaCl'], 'B'],
  ['In a standard deck of playing cards, how many cards are there without jokers?', ['48', '50', '52', '54'], 'C'],
  ["Which word is an adjective in the sentence 'The red car stopped'?", ['The', 'red', 'car', 'stopped'], 'B'],
  ['How many hours are in one day?', ['12', '20', '24', '36'], 'C'],
  ['What is 100 divided by 4?', ['20', '25', '30', '40'], 'B'],
  ['Which of these travels fastest?', ['Sound', 'Light', 'A car', 'A bicycle'], 'B'],
  ['What do you call a baby cat?', ['Puppy', 'Kitten', 'Calf', 'Foal'], 'B'],
  ['Which season comes after winter in the temperate northern hemisphere?', ['Autumn', 'Summer', 'Spring', 'Monsoon'], 'C'],
  ['How many zeros are in one million?', ['Five', 'Six', 'Seven', 'Eight'], 'B'],
  ['Which organ do humans use to breathe?', ['Stomach', 'Lungs', 'Brain', 'Skin'], 'B'],
  ["What is the opposite of 'generous'?", ['Kind', 'Selfish', 'Happy', 'Brave'], 'B'],
  ['Which of these is a liquid at room temperature?', ['Iron', 'Mercury', 'Salt', 'Sand'], 'B'],
  ['What is 9 times 7?', ['56', '63', '72', '64'], 'B'],
  ['Which tool would you use to cut paper?', ['Hammer', 'Scissors', 'Spoon', 'Brush'], 'B'],
  ['What is the largest planet in the Solar System?', ['Saturn', 'Earth', 'Jupiter', 'Neptune'], 'C'],
  ['Which sentence is grammatically correct?', ['She go to school.', 'She goes to school.', 'She going to school.', 'She gone to school.'], 'B'],
  ['What is the perimeter of a square with sides of 5 cm?', ['10 cm', '15 cm', '20 cm', '25 cm'], 'C'],
  ['Which of these is used by most computers to store data permanently?', ['RAM only', 'A storage drive', 'The monitor', 'The keyboard'], 'B'],
];

/** The name `--english builtin` refers to. */
export const BUILTIN_ENGLISH_REF = 'builtin';

/**
 * culturekit's small built-in English-ability set, for offline retention checks: 50 general-knowledge multiple-choice
 * questions (arithmetic, science, language, everyday facts), kind `capability`, language `en`.
 *
 * @example
 * englishAbilityItems().length // 50
 */
export function englishAbilityItems(): Item[] {
  return questions.map(([prompt, choices, answer], index) => ({
    id: `english-${String(index + 1).padStart(2, '0')}`,
    kind: 'capability',
    format: 'mcq',
    prompt,
    choices: [...choices],
    answer,
    language: 'en',
    category: 'general-english',
  }));
}
