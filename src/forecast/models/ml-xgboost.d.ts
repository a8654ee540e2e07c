declare module 'ml-xgboost' {
  interface XGBoostBooster {
    train(trainingSet: number[][], trainingValues: number[]): void;
    predict(toPredict: number[][]): number[];
    free(): void;
  }
  type XGBoostConstructor = new (options: Record<string, string | number>) => XGBoostBooster;
  const loaded: Promise<XGBoostConstructor>;
  export default loaded;
}
